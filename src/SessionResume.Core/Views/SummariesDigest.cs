using System.Text;
using SessionResume.Common;
using SessionResume.Lifecycle;
using SessionResume.Model;
using SessionResume.Store;

namespace SessionResume.Views;

/// <summary>
/// token-cache/summaries.md: a few lines per session, newest first, for a person or an agent to read
/// cheaply instead of whole state files. See <see cref="SummariesDocument"/> for what happens to text
/// a person adds to the file.
/// </summary>
public static class SummariesDigest
{
    public const string RelativePath = "token-cache/summaries.md";
    public const int MaxSections = 30;
    public const int MaxBytes = 32 * 1024;

    const int ObjectiveMax = 160;
    const int ItemMax = 80;
    const int NextMax = 200;
    /// <summary>Open errors and failing tests named in a section; the counts say how many there are in all.</summary>
    const int MaxDetails = 3;

    /// <summary>
    /// One short markdown section for a session: a heading with id, time and duration, then Objective
    /// (only Status when there is no objective), Done, Errors, Tests and Next lines, each left out when
    /// it has nothing to say. Every value is one line (see <see cref="SessionFacts.OneLine"/>), so it
    /// cannot start a heading or an item of its own.
    /// </summary>
    public static string Section(SessionState state)
    {
        var heading = new List<string> { Inline(state.SessionId is { Length: > 0 } id ? id : "(no session id)", ItemMax) };
        if (SessionFacts.When(state) is { } when) heading.Add(when);
        heading.Add(SessionFacts.Duration(state.DurationMinutes));

        var b = new StringBuilder();
        b.Append("## ").AppendJoin(" · ", heading).Append('\n');
        foreach (var (label, value) in Lines(state))
            if (value is not null) b.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
        return b.ToString();
    }

    static IEnumerable<(string Label, string? Value)> Lines(SessionState s)
    {
        if (!string.IsNullOrWhiteSpace(s.Objectives.Primary))
            yield return ("Objective", $"{Inline(s.Objectives.Primary, ObjectiveMax)} ({Progress(s)})");
        // Without an objective, only an explicit status or some progress is worth a line.
        else if (!string.IsNullOrWhiteSpace(s.Objectives.Status) || SessionSummary.Percent(s) > 0) yield return ("Status", Progress(s));
        yield return ("Done", s.Progress.Completed.Count == 0 ? null : Listed(s.Progress.Completed, SummaryRenderer.MaxListed));
        // What git says was done, beside what a person wrote: the commits made during the session.
        yield return ("Commits", s.Commits is not { Count: > 0 } commits ? null
            : Listed(commits.Select(c => Inline(c, ObjectiveMax)).ToList(), SummaryRenderer.MaxListed));
        yield return ("Errors", Errors(s));
        yield return ("Tests", Tests(s));
        yield return ("Next", Next(s));
    }

    /// <summary>"in-progress, 60%": the status and the restore summary's percentage.</summary>
    static string Progress(SessionState s) => $"{SessionFacts.Status(s)}, {SessionSummary.Percent(s)}%";

    /// <summary>"2 fixed, 1 open (CS0029 src/B.cs:42)": fixed in this session, open now.</summary>
    static string? Errors(SessionState s)
    {
        // Resolutions carried over from an earlier session were fixed there, not here.
        var fixedHere = s.Errors.Resolved.Count(r => string.IsNullOrEmpty(r.SessionId) || r.SessionId == s.SessionId);
        var open = SessionFacts.OpenErrors(s);
        var parts = new List<string>();
        if (fixedHere > 0) parts.Add($"{fixedHere} fixed");
        if (open > 0)
        {
            var where = s.Errors.Unresolved.Select(e => Location(e.Code, e.File, e.Line)).Where(w => w.Length > 0).ToList();
            parts.Add(where.Count == 0 ? $"{open} open" : $"{open} open ({Listed(where, MaxDetails, open)})");
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    static string Location(string code, string file, int line)
    {
        var place = line > 0 ? $"{file}:{line}" : file;
        return string.Join(' ', new[] { code, place }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>"24 passing, 2 failing (tests/App.Tests/AuthTests.cs:AuthTests.Login)"; no line when no test ran.</summary>
    static string? Tests(SessionState s)
    {
        var t = s.Tests;
        if (t.Passing == 0 && t.Failing == 0) return null;
        var text = $"{t.Passing} passing";
        if (t.Failing > 0)
            text += t.FailedPaths.Count == 0
                ? $", {t.Failing} failing"
                : $", {t.Failing} failing ({Listed(t.FailedPaths, MaxDetails, t.Failing)})";
        return text;
    }

    /// <summary>
    /// The restore summary's suggested next action, unless it is only its generic fallback (nothing
    /// specific is recorded).
    /// </summary>
    static string? Next(SessionState s)
    {
        var specific = s.NextPrompts.Any(p => !string.IsNullOrWhiteSpace(p)) || s.Progress.InProgress.Count > 0 || s.Todos.Count > 0;
        return specific ? Inline(SessionSummary.From(s, s.Timestamp ?? default).NextAction, NextMax) : null;
    }

    /// <summary>"a; b; c; and 4 more", each item one shortened line. <paramref name="total"/> counts items beyond the list too.</summary>
    static string Listed(List<string> items, int max, int? total = null)
    {
        var shown = items.Take(max).Select(i => Inline(i, ItemMax)).ToList();
        var more = Math.Max(total ?? items.Count, items.Count) - shown.Count;
        if (more > 0) shown.Add($"and {more} more");
        return string.Join("; ", shown);
    }

    /// <summary>
    /// A value on one line, readable as plain text and when rendered. Only what markdown would hide
    /// is escaped: "&lt;" opening something tag-like ("List&lt;string&gt;" would vanish as an HTML tag).
    /// Everything else (backticks, asterisks, '#') stays as written: mid-line it cannot break the layout.
    /// </summary>
    static string Inline(string text, int max)
    {
        var line = SessionFacts.OneLine(text, max);
        var b = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '<' && i + 1 < line.Length && (char.IsAsciiLetter(line[i + 1]) || line[i + 1] is '/' or '!' or '?'))
                b.Append('\\');
            b.Append(line[i]);
        }
        return b.ToString();
    }

    /// <summary>
    /// Puts the session's section first (or in place of its earlier section) in
    /// &lt;root&gt;/token-cache/summaries.md, keeping at most <see cref="MaxSections"/> sections and
    /// <see cref="MaxBytes"/> bytes by dropping the oldest (never the one just written). Atomic write;
    /// I/O trouble becomes SR0003.
    /// </summary>
    public static void Write(string root, SessionState state, List<Problem> problems)
    {
        var path = FilePath(root);
        if (!SessionIdFormat.IsValid(state.SessionId))
        {
            // A section is found again by its id: without a valid one it would merge into its neighbour.
            problems.Add(Problems.DigestSkipped(RelativePath));
            return;
        }
        try
        {
            var existing = File.Exists(path) ? File.ReadAllText(path) : "";
            var document = SummariesDocument.Parse(existing);
            document.Put(state.SessionId!, Section(state));
            document.Trim(MaxSections, MaxBytes, keep: state.SessionId!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(document.Render()));
            AtomicFile.DeleteStaleTempFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problems.DigestNotWritten(RelativePath, e));
        }
    }

    /// <summary>
    /// Deletes the file (and token-cache/ if nothing else is in it); returns the deleted path, or null
    /// when there was none or it could not be deleted (then reported in <paramref name="problems"/>, SR0003).
    /// </summary>
    public static string? Delete(string root, List<Problem>? problems = null)
    {
        var path = FilePath(root);
        var directory = Path.GetDirectoryName(path)!;
        try
        {
            if (!File.Exists(path)) return null;
            File.Delete(path);
            foreach (var temp in AtomicFile.TempFiles(directory, Path.GetFileName(path)).ToList()) File.Delete(temp);
            if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems?.Add(Problems.DigestNotDeleted(RelativePath, e));
            return File.Exists(path) ? null : path;
        }
    }

    static string FilePath(string root) => Path.Combine(Path.GetFullPath(root), "token-cache", "summaries.md");
}
