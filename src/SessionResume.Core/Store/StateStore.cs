using System.Diagnostics;
using SessionResume.Model;

namespace SessionResume.Store;

/// <summary>
/// The one way the state file is changed. An update takes a cross-process lock (a sibling .lock
/// file held with an exclusive OS lock, released by the OS even if the process is killed), reads
/// the file, applies the change, writes a temporary file and renames it over the state, so the file
/// on disk is always complete. An unreadable file is moved aside, never overwritten.
/// </summary>
public sealed class StateStore(string stateFile, Func<DateTime> clock, TimeSpan? lockTimeout = null)
{
    public string StateFile { get; } = stateFile;
    public TimeSpan LockTimeout { get; } = lockTimeout ?? TimeSpan.FromSeconds(30);
    string LockFile => StateFile + ".lock";
    string TempPrefix => Path.GetFileName(StateFile) + ".tmp-";

    /// <summary>Reads the state without a lock (the rename makes every read see a whole file). Null when there is none.</summary>
    public SessionState? TryRead(out Problem? problem)
    {
        problem = null;
        if (!File.Exists(StateFile)) return null;
        try
        {
            return StateJson.Deserialize(ReadShared(StateFile));
        }
        catch (InvalidStateException e)
        {
            problem = new Problem(Problem.StateUnreadable, $"{StateFile} cannot be read: {e.Message}. It will be moved aside at the next update.", StateFile);
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
            Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
            using var lockHandle = AcquireLock();
            if (lockHandle is null)
            {
                problems.Add(new Problem(Problem.LockTimeout,
                    $"Could not lock {LockFile} within {LockTimeout.TotalSeconds:0} s (another build or test run still holds it); this update was not recorded. The OS releases the lock when its process exits: look for a hung dotnet process."));
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
            problems.Add(new Problem(Problem.WriteFailed, $"Could not update {StateFile}: {e.Message} Check that the folder is writable and the disk is not full."));
            return new UpdateResult(false, false, problems);
        }
    }

    SessionState? ReadOrSetAside(List<Problem> problems)
    {
        var bytes = ReadShared(StateFile);
        try
        {
            return StateJson.Deserialize(bytes);
        }
        catch (InvalidStateException e)
        {
            var aside = AsideName();
            File.Move(StateFile, aside);
            problems.Add(new Problem(Problem.StateUnreadable,
                $"{StateFile} could not be read ({e.Message}). It was kept as {aside} and a fresh state was started.", StateFile));
            return null;
        }
    }

    string AsideName()
    {
        var stamp = clock().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{StateFile}.corrupt-{stamp}";
        for (var i = 2; File.Exists(name); i++) name = $"{StateFile}.corrupt-{stamp}-{i}";
        return name;
    }

    /// <summary>
    /// Takes the exclusive lock, fairly: polling alone would let a process that updates back to back
    /// take the lock again before any sleeping waiter wakes, and shut the waiter out until its
    /// timeout. So a writer that has to wait says so with a marker file, and a newcomer that sees
    /// another's marker does not jump the queue: it becomes a waiter too, and the waiters compete.
    /// </summary>
    FileStream? AcquireLock()
    {
        var watch = Stopwatch.StartNew();
        string? waiting = null;
        try
        {
            while (true)
            {
                if (waiting is not null || !OthersWaiting(null))
                {
                    try
                    {
                        // FileShare.None is an exclusive OS lock (flock on Unix): it dies with its process.
                        return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    }
                    catch (IOException) when (watch.Elapsed < LockTimeout)
                    {
                    }
                    catch (IOException) when (File.Exists(LockFile))
                    {
                        return null;
                    }
                }
                else if (watch.Elapsed >= LockTimeout)
                {
                    return null;
                }
                waiting ??= MarkWaiting();
                Thread.Sleep(2 + Random.Shared.Next(8));
            }
        }
        finally
        {
            if (waiting is not null) TryDelete(waiting);
        }
    }

    /// <summary>
    /// Reads a whole file letting others write, rename over or delete it meanwhile: on Windows a
    /// reader that does not share delete access would make a writer's atomic rename fail.
    /// </summary>
    public static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    string WaitPrefix => Path.GetFileName(LockFile) + ".wait-";

    string MarkWaiting()
    {
        var marker = Path.Combine(Path.GetDirectoryName(StateFile)!, $"{WaitPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllBytes(marker, []);
        return marker;
    }

    /// <summary>Whether another writer is waiting. A marker older than the lock timeout belongs to a writer that gave up or was killed.</summary>
    bool OthersWaiting(string? own)
    {
        foreach (var marker in Directory.EnumerateFiles(Path.GetDirectoryName(StateFile)!, WaitPrefix + "*"))
        {
            if (marker == own) continue;
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(marker) < LockTimeout + TimeSpan.FromSeconds(5)) return true;
            TryDelete(marker);
        }
        return false;
    }

    static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    void WriteAtomically(string json)
    {
        var temp = Path.Combine(Path.GetDirectoryName(StateFile)!, $"{TempPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new System.Text.UTF8Encoding(false).GetBytes(json);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, StateFile, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Temporary files left by a writer that was killed; safe to remove while holding the lock.</summary>
    void CleanLeftoverTempFiles()
    {
        var directory = Path.GetDirectoryName(StateFile)!;
        foreach (var file in Directory.EnumerateFiles(directory, TempPrefix + "*"))
        {
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
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
