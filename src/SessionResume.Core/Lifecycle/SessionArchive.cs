using System.Text;
using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Store;

namespace SessionResume.Lifecycle;

/// <summary>
/// The archived sessions of one session root: <c>&lt;id&gt;.json</c>, older ones <c>&lt;id&gt;.json.gz</c>,
/// at most max_history of them. Every change is a whole-file atomic write or a delete, so a killed
/// build leaves each archive either complete or absent. The package's own trouble never throws:
/// it becomes a <see cref="Problem"/> for the caller to show as a warning.
/// </summary>
/// <param name="directory">The archive directory (absolute).</param>
/// <param name="sessionRoot">The session root, so that messages name files relative to it; without it they show full paths.</param>
public sealed class SessionArchive(string directory, string? sessionRoot = null)
{
    /// <summary>The newest few stay plain .json: the ones a person or an agent is most likely to open.</summary>
    public const int UncompressedNewest = 3;

    public string DirectoryPath { get; } = Path.GetFullPath(directory);
    public string? SessionRoot { get; } = sessionRoot;

    /// <summary>The directory as messages show it, e.g. ".session-history/".</summary>
    public string DisplayDirectory => DisplayPath.OfDirectory(DirectoryPath, SessionRoot);

    /// <summary>
    /// Writes &lt;directory&gt;/&lt;state.SessionId&gt;.json atomically (creating the directory) and removes a
    /// .json.gz of the same id; then keeps at most <paramref name="maxHistory"/> archives (the one just
    /// written always among them, so at least one) and, when <paramref name="compress"/>, gzips all but
    /// the newest <see cref="UncompressedNewest"/>. Returns where the session is archived now (the .gz
    /// path if it was old enough to be compressed at once), or null when it could not be written.
    /// </summary>
    public string? Save(SessionState state, int maxHistory, bool compress, List<Problem> problems)
    {
        var id = state.SessionId;
        if (!SessionIdFormat.IsValid(id))
        {
            // The id becomes a file name; anything else (a hand-edited id, a path) is not written anywhere.
            var why = id is null ? "it has no session_id" : $"its session_id '{id}' is not of the form sess_YYYYMMDD_NNN";
            problems.Add(Problems.NotArchived(DisplayDirectory, why));
            return null;
        }
        var plain = PlainPath(id!);
        try
        {
            Directory.CreateDirectory(DirectoryPath);
            AtomicFile.Write(plain, new UTF8Encoding(false).GetBytes(StateJson.Serialize(state)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problems.ArchiveNotWritten(Display(plain), e));
            return null;
        }
        // The older compressed copy of this id is out of date now; List prefers the .json meanwhile.
        TryDelete(CompressedPath(id!), problems);
        AtomicFile.DeleteStaleTempFiles(DirectoryPath);

        var kept = KeepNewest(id!, Math.Max(1, maxHistory), problems);
        if (compress) CompressAllButNewest(kept, problems);
        return File.Exists(plain) ? plain : CompressedPath(id!);
    }

    /// <summary>
    /// Archives in the directory, newest first (see <see cref="SessionIdFormat.NewestFirst"/>). Files not
    /// named like a session id are ignored; a missing directory is an empty list. When both forms of
    /// one id exist (a writer was stopped between its two steps) the .json is listed: it is the newer.
    /// </summary>
    public IReadOnlyList<ArchivedSession> List() =>
        ArchiveFiles()
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.Compressed).First())
            .OrderBy(f => f.Id, SessionIdFormat.NewestFirst)
            .ToList();

    /// <summary>The archived ids, newest first: what a new session id must not repeat.</summary>
    /// <summary>Lazy: the folder is listed only when the ids are enumerated (every update passes them, few need them).</summary>
    public IEnumerable<string> SessionIds()
    {
        foreach (var session in List()) yield return session.Id;
    }

    /// <summary>
    /// Reads one archive (gzip transparently). A damaged one gives null and one SR0008 naming the file
    /// and what is wrong; the file is left as it is, for a person to look at.
    /// </summary>
    public SessionState? TryRead(ArchivedSession session, List<Problem> problems)
    {
        try
        {
            return StateJson.Deserialize(ReadContent(session));
        }
        catch (Exception e) when (e is InvalidStateException or IOException or UnauthorizedAccessException)
        {
            problems.Add(Unreadable(session, e));
            return null;
        }
    }

    /// <summary>
    /// Every resolved error of every archive, newest session first and in each archive's order, with
    /// <see cref="ResolvedError.SessionId"/> set to the archive's id where it is missing. Reads only
    /// errors.resolved of each file. Damaged archives are skipped with SR0008.
    /// </summary>
    public IReadOnlyList<ResolvedError> LoadResolutions(List<Problem> problems)
    {
        var resolutions = new List<ResolvedError>();
        foreach (var session in List())
        {
            List<ResolvedError> found;
            try
            {
                found = ResolutionsJson.Read(ReadContent(session));
            }
            catch (Exception e) when (e is InvalidStateException or IOException or UnauthorizedAccessException)
            {
                problems.Add(Unreadable(session, e));
                continue;
            }
            foreach (var resolution in found)
                if (string.IsNullOrEmpty(resolution.SessionId)) resolution.SessionId = session.Id;
            resolutions.AddRange(found);
        }
        return resolutions;
    }

    /// <summary>
    /// Deletes every archive file (both forms), the temporary files of interrupted writes, and the
    /// directory if nothing else is in it. Returns the deleted archives' paths. A file that cannot be
    /// deleted is left, missing from the result, and reported in <paramref name="problems"/> (SR0003).
    /// </summary>
    public IReadOnlyList<string> DeleteAll(List<Problem>? problems = null)
    {
        problems ??= [];
        var deleted = new List<string>();
        foreach (var file in ArchiveFiles().OrderBy(f => f.Id, SessionIdFormat.NewestFirst).ThenBy(f => f.Compressed))
            if (TryDelete(file.FilePath, problems)) deleted.Add(file.FilePath);
        foreach (var temp in AtomicFile.TempFiles(DirectoryPath).ToList()) TryDelete(temp, problems);
        try
        {
            if (Directory.Exists(DirectoryPath) && !Directory.EnumerateFileSystemEntries(DirectoryPath).Any())
                Directory.Delete(DirectoryPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problems.HistoryFolderNotRemoved(DisplayDirectory, e));
        }
        return deleted;
    }

    /// <summary>Every archive file, both forms of an id included.</summary>
    List<ArchivedSession> ArchiveFiles()
    {
        if (!Directory.Exists(DirectoryPath)) return [];
        try
        {
            return Directory.EnumerateFiles(DirectoryPath)
                .Select(path => SessionIdFormat.TryParseFileName(Path.GetFileName(path), out var id, out var compressed)
                    ? new ArchivedSession(id, path, compressed)
                    : null)
                .OfType<ArchivedSession>()
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable directory lists as empty; the write that follows (if any) reports the trouble.
            return [];
        }
    }

    /// <summary>Deletes the oldest archives beyond <paramref name="max"/>; returns the ids kept, newest first.</summary>
    List<string> KeepNewest(string justSaved, int max, List<Problem> problems)
    {
        var ids = ArchiveFiles().Select(f => f.Id).Distinct(StringComparer.Ordinal).OrderBy(id => id, SessionIdFormat.NewestFirst).ToList();
        // The session just saved stays even when older ids exist (an old session saved again):
        // Save's result must name a file that is there.
        var kept = ids.Where(id => id == justSaved).Concat(ids.Where(id => id != justSaved).Take(max - 1))
            .OrderBy(id => id, SessionIdFormat.NewestFirst).ToList();
        foreach (var file in ArchiveFiles().Where(f => !kept.Contains(f.Id, StringComparer.Ordinal)))
            TryDelete(file.FilePath, problems);
        return kept;
    }

    /// <summary>Gzips every kept archive after the newest few: the .json.gz is written whole, then the .json goes.</summary>
    void CompressAllButNewest(List<string> keptNewestFirst, List<Problem> problems)
    {
        foreach (var id in keptNewestFirst.Skip(UncompressedNewest))
        {
            var plain = PlainPath(id);
            if (!File.Exists(plain)) continue;
            try
            {
                AtomicFile.Write(CompressedPath(id), GzipFile.Compress(File.ReadAllBytes(plain)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(Problems.ArchiveNotCompressed(Display(plain), e));
                continue;
            }
            TryDelete(plain, problems);
        }
    }

    static byte[] ReadContent(ArchivedSession session)
    {
        var bytes = StateStore.ReadLimited(session.FilePath);
        return session.Compressed ? GzipFile.Decompress(bytes) : bytes;
    }

    bool TryDelete(string path, List<Problem> problems)
    {
        try
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problems.ArchiveNotDeleted(Display(path), e));
            return false;
        }
    }

    Problem Unreadable(ArchivedSession session, Exception e)
    {
        var what = e is InvalidStateException ? e.Message : $"it cannot be read ({e.Message.TrimEnd('.')})";
        return Problems.ArchiveSkipped(Display(session.FilePath), what, session.FilePath);
    }

    string Display(string path) => DisplayPath.Of(path, SessionRoot);
    string PlainPath(string id) => Path.Combine(DirectoryPath, id + SessionIdFormat.PlainExtension);
    string CompressedPath(string id) => Path.Combine(DirectoryPath, id + SessionIdFormat.CompressedExtension);
}
