using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Store;

/// <summary>
/// The one way the state file is changed. An update takes a cross-process lock (a sibling .lock
/// file held with an exclusive OS lock, released by the OS even if the process is killed), reads
/// the file, applies the change, writes a temporary file and renames it over the state, so the file
/// on disk is always complete. An unreadable file is moved aside, never overwritten.
/// </summary>
public sealed partial class StateStore(string stateFile, Func<DateTime> clock, TimeSpan? lockTimeout = null)
{
    /// <summary>
    /// A state file larger than this is not read but kept aside (SR0001). What the package writes
    /// stays far below it (every list is capped); a file this big is not a session state (a log
    /// pasted in, a runaway script), and parsing it in every build would cost seconds and memory.
    /// </summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    public string StateFile { get; } = stateFile;
    public TimeSpan LockTimeout { get; } = lockTimeout ?? TimeSpan.FromSeconds(30);
    string LockFile => StateLock.FileFor(StateFile);

    /// <summary>Opens the temporary file of a write; tests put a stream here that fails as a full disk does.</summary>
    internal Func<string, Stream> CreateTempFile { get; init; } =
        path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <summary>Reads the state without a lock (the rename makes every read see a whole file). Null when there is none.</summary>
    public SessionState? TryRead(out Problem? problem)
    {
        problem = null;
        if (!File.Exists(StateFile)) return null;
        try
        {
            return StateJson.Deserialize(ReadLimited(StateFile));
        }
        catch (InvalidStateException e)
        {
            problem = Problems.StateInvalid(StateFile, e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = Problems.StateNotReadable(StateFile, Explain(e));
            return null;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current state (a fresh one if there is none) and writes
    /// it. The change returns false to leave the file as it is. Never throws for I/O trouble: the
    /// problems are returned for the caller to show as warnings.
    /// </summary>
    public UpdateResult Update(Func<SessionState, bool> change) =>
        Apply(existing =>
        {
            var state = existing ?? new SessionState();
            return change(state) ? StoreAction.Write(state) : StoreAction.Keep;
        });

    /// <summary>
    /// The general form: under the lock, <paramref name="decide"/> sees the current state (null when
    /// there is none or it was unreadable and set aside) and says whether to keep the file, write a
    /// state (possibly a new object), or delete the file.
    /// </summary>
    public UpdateResult Apply(Func<SessionState?, StoreAction> decide)
    {
        var problems = new List<Problem>();
        try
        {
            if (Directory.Exists(StateFile))
            {
                problems.Add(Problems.StateIsDirectory(StateFile));
                return new UpdateResult(false, false, problems);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
            using var lockHandle = new StateLock(StateFile, LockTimeout).Acquire();
            if (lockHandle is null)
            {
                problems.Add(Problems.LockTimedOut(LockFile, LockTimeout));
                return new UpdateResult(false, false, problems);
            }
            CleanLeftoverTempFiles();
            var created = !File.Exists(StateFile);
            var state = created ? null : ReadOrSetAside(problems);
            var action = decide(state);
            if (action.Delete)
            {
                if (File.Exists(StateFile)) File.Delete(StateFile);
                return new UpdateResult(true, false, problems);
            }
            if (action.State is null) return new UpdateResult(false, created, problems);
            WriteAtomically(StateSizeLimit.Serialize(action.State));
            return new UpdateResult(true, created, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problems.StateNotWritten(StateFile, Explain(e)));
            return new UpdateResult(false, false, problems);
        }
    }

    /// <summary>What went wrong reading or writing the state, and what to do about it.</summary>
    string Explain(Exception e)
    {
        if (e is IOException && IsLockedByAnotherProcess(e))
            return $"another program holds it open and locked ({e.Message.TrimEnd('.')}). " +
                "Close that program (an editor, a sync or backup tool) and try again.";
        if (e is UnauthorizedAccessException)
            return $"access was denied ({e.Message.TrimEnd('.')}). Make {Path.GetDirectoryName(StateFile)}" +
                $" and {Path.GetFileName(StateFile)}" +
                " readable and writable for this user, or set SessionResumeStateFile " +
                "(\"state_file\" in .session-resume.json) to a writable place.";
        if (FileInTheWay() is { } file)
            return $"{file} is a file, not a folder. Rename or remove it, or set SessionResumeStateFile " +
                "(\"state_file\" in .session-resume.json) to another path.";
        return $"{e.Message.TrimEnd('.')}. Check that the folder is writable and the disk is not full.";
    }

    /// <summary>
    /// A sharing or lock violation: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION on Windows; on
    /// Unix .NET's own advisory lock (flock) of another .NET process, reported as EWOULDBLOCK.
    /// </summary>
    static bool IsLockedByAnotherProcess(Exception e) =>
        e.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021)
        || (!OperatingSystem.IsWindows() && e.HResult == (OperatingSystem.IsLinux() ? 11 : 35));

    /// <summary>A file where the state's folder (or one above it) should be.</summary>
    string? FileInTheWay()
    {
        for (var dir = Path.GetDirectoryName(StateFile); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir)) return dir;
            if (Directory.Exists(dir)) return null;
        }
        return null;
    }

    void WriteAtomically(string json) =>
        AtomicFile.Write(StateFile, new System.Text.UTF8Encoding(false).GetBytes(json), CreateTempFile);

    /// <summary>Temporary files left by a writer that was killed; safe to remove, whatever their age, while holding the lock.</summary>
    void CleanLeftoverTempFiles()
    {
        foreach (var file in AtomicFile.TempFiles(Path.GetDirectoryName(StateFile)!, Path.GetFileName(StateFile)).ToList())
            StateLock.TryDelete(file);
    }
}

public sealed record UpdateResult(bool Written, bool Created, IReadOnlyList<Problem> Problems);

/// <summary>What an update does with the file: keep it, write a state, or delete it.</summary>
public readonly record struct StoreAction(SessionState? State, bool Delete)
{
    public static StoreAction Keep => default;
    public static StoreAction Write(SessionState state) => new(state, false);
    public static StoreAction Remove => new(null, true);
}
