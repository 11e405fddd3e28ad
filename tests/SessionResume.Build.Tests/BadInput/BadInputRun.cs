using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SessionResume.Build;
using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Tests.BadInput;

/// <summary>One row of a corpus run: what the package said and whether that is what the contract promises.</summary>
sealed record CorpusRow(string Entry, string Codes, string Result, long? Milliseconds, double? AllocatedMB, string Reason, List<string> Failures)
{
    public bool Ok => Failures.Count == 0;
}

/// <summary>Runs corpus entries through the tasks on a throwaway repository and checks the promises.</summary>
static class BadInputRun
{
    public static readonly DateTime Now = new(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);
    public const string AsideSuffix = ".corrupt-20261124T200000Z";

    public static (CaptureBuildDiagnostics Task, FakeBuildEngine Engine) Capture(TaskRepository repo, params (string Property, string Value)[] settings) =>
        repo.CaptureTask(Now, settings);

    /// <summary>A compile with one error, so that a fresh state has something to hold.</summary>
    public static void CompileWithOneError(TaskRepository repo)
    {
        repo.Source("src/App/B.cs", "class B {", "  int x = \"a\";", "}");
        repo.Sarif(("CS0029", "error", "src/App/B.cs", 2, "Cannot implicitly convert type 'string' to 'int'"));
    }

    /// <summary>
    /// CaptureBuildDiagnostics over a damaged state: the task succeeds, one SR0001 names the file and
    /// says what is wrong, the original is kept aside byte for byte, a fresh valid state holds this
    /// compile, and no other file changed.
    /// </summary>
    public static CorpusRow CaptureOver(DamagedState entry)
    {
        using var repo = new TaskRepository();
        CompileWithOneError(repo);
        entry.WriteTo(repo.StateFile);
        var original = Hash(repo.StateFile);
        var before = Snapshot(repo.Root);

        var (task, engine) = Capture(repo);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var succeeded = task.Execute();
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var failures = new List<string>();
        if (!succeeded) failures.Add("Execute returned false");
        if (engine.Errors.Count > 0) failures.Add($"errors logged: {string.Join(" | ", engine.Errors.Select(e => e.Message))}");
        var aside = repo.StateFile + AsideSuffix;
        var warning = engine.Warnings.Count == 1 ? engine.Warnings[0] : null;
        if (warning is null) failures.Add($"expected one warning, got {engine.Warnings.Count}: {string.Join(" | ", engine.Warnings.Select(w => $"{w.Code} {w.Message}"))}");
        else
        {
            var message = warning.Message ?? "";
            if (warning.Code != Problem.StateUnreadable) failures.Add($"code {warning.Code}, expected SR0001");
            if (!message.Contains(repo.StateFile, StringComparison.Ordinal)) failures.Add("the message does not name the state file");
            if (!message.Contains(aside, StringComparison.Ordinal)) failures.Add("the message does not say where the file was kept");
            if (!message.Contains(entry.ExpectedPhrase, StringComparison.Ordinal)) failures.Add($"the message does not say \"{entry.ExpectedPhrase}\"");
            if (warning.File != repo.StateFile) failures.Add($"the warning's file is {warning.File}");
        }
        failures.AddRange(CheckKeptAsideAndFresh(repo, original));
        failures.AddRange(CheckNothingElseChanged(repo, before,
            [repo.StateFile, aside, repo.StateFile + ".lock", repo.StampFile]));

        return new CorpusRow(entry.Name, string.Join(",", engine.Warnings.Select(w => w.Code)),
            failures.Count == 0 ? "kept aside, fresh state" : "FAILED", watch.ElapsedMilliseconds, allocated / (1024.0 * 1024),
            Reason(warning?.Message ?? "", repo.Root), failures);
    }

    /// <summary>The original bytes are in exactly one .corrupt-* copy and the state is a fresh, valid one holding this compile.</summary>
    public static IEnumerable<string> CheckKeptAsideAndFresh(TaskRepository repo, string originalHash)
    {
        var copies = Directory.GetFiles(repo.Root, Path.GetFileName(repo.StateFile) + ".corrupt-*");
        if (copies.Length != 1) yield return $"expected one .corrupt-* copy, found {copies.Length}";
        var aside = repo.StateFile + AsideSuffix;
        if (!File.Exists(aside)) yield return $"{Path.GetFileName(aside)} is missing";
        else if (Hash(aside) != originalHash) yield return "the copy kept aside is not byte-identical to the original";
        string? unreadable = null;
        Model.SessionState? state = null;
        try { state = StateJson.Deserialize(File.ReadAllBytes(repo.StateFile)); }
        catch (Exception e) { unreadable = e.Message; }
        if (unreadable is not null) yield return $"the fresh state is not valid: {unreadable}";
        else if (state!.Errors.Unresolved.Count != 1 || state.Errors.Unresolved[0].Code != "CS0029") yield return "the fresh state does not hold this compile's error";
    }

    /// <summary>Every file that was there before is unchanged, and the only new files are the allowed ones.</summary>
    public static IEnumerable<string> CheckNothingElseChanged(TaskRepository repo, Dictionary<string, string> before, IReadOnlyCollection<string> allowed)
    {
        var after = Snapshot(repo.Root);
        foreach (var (path, hash) in before)
        {
            if (allowed.Contains(path)) continue;
            if (!after.TryGetValue(path, out var now)) yield return $"{Relative(repo, path)} disappeared";
            else if (now != hash) yield return $"{Relative(repo, path)} was changed";
        }
        foreach (var path in after.Keys.Where(p => !before.ContainsKey(p) && !allowed.Contains(p)))
            yield return $"unexpected new file {Relative(repo, path)}";
    }

    /// <summary>Path → SHA-256 of every file in the repository but .git/ (the state file too).</summary>
    public static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(p => p, Hash, StringComparer.Ordinal);

    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    static string Relative(TaskRepository repo, string path) => Path.GetRelativePath(repo.Root, path);

    /// <summary>What the message says is wrong: for SR0001 the part in parentheses, else the message; paths shortened.</summary>
    public static string Reason(string message, string? root = null)
    {
        const string open = " could not be read (", close = "). It was kept";
        var start = message.IndexOf(open, StringComparison.Ordinal);
        var end = message.LastIndexOf(close, StringComparison.Ordinal);
        var text = start >= 0 && end > start ? message[(start + open.Length)..end] : message;
        if (root is not null) text = text.Replace(root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 130 ? text : text[..127] + "...";
    }

    public static string Table(string title, IEnumerable<CorpusRow> rows)
    {
        var list = rows.ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{title}: {list.Count(r => r.Ok)}/{list.Count} as promised\n");
        sb.Append(CultureInfo.InvariantCulture, $"| {"entry",-40} | {"code",-6} | {"result",-24} | {"ms",6} | {"alloc MB",8} | what the warning says\n");
        sb.Append(CultureInfo.InvariantCulture, $"|{new string('-', 42)}|{new string('-', 8)}|{new string('-', 26)}|{new string('-', 8)}|{new string('-', 10)}|{new string('-', 40)}\n");
        foreach (var r in list)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Entry,-40} | {r.Codes,-6} | {r.Result,-24} | {r.Milliseconds?.ToString(CultureInfo.InvariantCulture) ?? "-",6} | {r.AllocatedMB?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",8} | {r.Reason}\n");
            foreach (var failure in r.Failures) sb.Append(CultureInfo.InvariantCulture, $"|   !! {failure}\n");
        }
        return sb.ToString();
    }
}
