using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Views;

/// <summary>What SessionRestore shows, computed once from the state and rendered as text, markdown or JSON.</summary>
public sealed record SessionSummary(
    string Project,
    DateTime? LastActive,
    string LastActiveText,
    string? Objective,
    string Status,
    int PercentComplete,
    IReadOnlyList<string> Completed,
    IReadOnlyList<string> InProgress,
    IReadOnlyList<string> Blocked,
    IReadOnlyList<string> Todos,
    int FailingTests,
    IReadOnlyList<string> FailingTestPaths,
    int FailuresNotInLastRun,
    int PassingTests,
    IReadOnlyList<string> Crashes,
    int UnresolvedErrors,
    IReadOnlyDictionary<string, int> UnresolvedErrorsByCode,
    int Warnings,
    IReadOnlyList<string> SeenBefore,
    string NextAction)
{
    /// <summary>build.outcome: how the last build ended (succeeded, failed, incomplete), null when none is recorded.</summary>
    public string? LastBuild { get; init; }

    /// <summary>One line per project whose last build failed or did not finish: the project and what is known of why.</summary>
    public IReadOnlyList<string> FailedBuilds { get; init; } = [];

    /// <summary>tests.failing_runs: the failed runs across target frameworks, when more than the failing tests.</summary>
    public int? FailingRuns { get; init; }

    /// <summary>Set when the test results are older than the code: "as of 14:02 UTC, before the last build".</summary>
    public string? TestsAsOf { get; init; }

    /// <summary>What git says happened since the state was written: commits, another branch or worktree.</summary>
    public IReadOnlyList<string> Since { get; init; } = [];

    /// <summary>Entries whose file changed or went away since they were recorded (<see cref="ChangedFiles"/>).</summary>
    public IReadOnlyList<string> FileChanged { get; init; } = [];

    /// <summary>The session's largest changes, from files.diffstat: "Changed in this session: src/B.cs +40 −3, …".</summary>
    public string? Diffstat { get; init; }

    /// <summary>How many files <see cref="Diffstat"/> names at most.</summary>
    public const int MaxDiffstatShown = 3;

    // SessionSave (which will take -p:SessionObjective) is not there yet: until it is, the hint names
    // the one way that works today, editing the state file, which every update preserves.
    public const string SetObjectiveHint = "dotnet msbuild -t:SessionSave -p:SessionObjective=\"...\"";

    /// <summary>
    /// % complete = completed / (completed + in progress + blocked + todos), rounded down; 100 when the
    /// objective's status is "done"; 0 when nothing is tracked yet.
    /// </summary>
    public static int Percent(SessionState s)
    {
        if (string.Equals(s.Objectives.Status, "done", StringComparison.OrdinalIgnoreCase)) return 100;
        var done = s.Progress.Completed.Count;
        var all = done + s.Progress.InProgress.Count + s.Progress.Blocked.Count + s.Todos.Count;
        return all == 0 ? 0 : 100 * done / all;
    }

    /// <param name="git">Where git stands now, against the state's commit; null when not asked or not known.</param>
    /// <param name="root">The session root, to check the files of the entries; null: not checked.</param>
    public static SessionSummary From(SessionState s, DateTime now, Func<GitFacts, GitSince?>? git = null, string? root = null)
    {
        var unresolved = s.Errors.Unresolved;
        // Counted as the compiler counts: an entry stands for each line of its file that reports it.
        var byCode = unresolved.GroupBy(e => e.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(ErrorCounts.Of), StringComparer.Ordinal);
        foreach (var (code, n) in s.Errors.Omitted?.Values.SelectMany(o => o.ByCode) ?? [])
            byCode[code] = byCode.GetValueOrDefault(code) + n;
        var seenBefore = unresolved.Where(e => e.SeenBefore is not null)
            .Select(e => $"{e.Code} in {Place.Of(e.File, e.Line)}" +
                $" was seen before (session {e.SeenBefore!.SessionId ?? "unknown"}). Previous resolution: \"{e.SeenBefore.Resolution}\"")
            .ToList();
        return new SessionSummary(
            Project: s.Project ?? "(unknown)",
            LastActive: s.Timestamp,
            LastActiveText: s.Timestamp is { } t ? RelativeTime.Describe(now - t) : "unknown",
            Objective: string.IsNullOrWhiteSpace(s.Objectives.Primary) ? null : s.Objectives.Primary,
            Status: StatusText(s.Objectives.Status),
            PercentComplete: Percent(s),
            Completed: s.Progress.Completed,
            InProgress: s.Progress.InProgress,
            Blocked: s.Progress.Blocked,
            Todos: s.Todos,
            FailingTests: s.Tests.Failing,
            FailingTestPaths: s.Tests.FailedPaths,
            FailuresNotInLastRun: s.Tests.NotInLastRun,
            PassingTests: s.Tests.Passing,
            Crashes: s.Tests.Runs.SelectMany(p => p.Value.Where(r => r.Value.Aborted is not null)
                .Select(r => $"{p.Key} ({r.Key}): {FirstLine(r.Value.Aborted!)}")).ToList(),
            UnresolvedErrors: ErrorCounts.Unresolved(s.Errors),
            UnresolvedErrorsByCode: byCode,
            Warnings: s.Warnings.Total,
            SeenBefore: seenBefore,
            NextAction: SuggestNextAction(s))
        {
            LastBuild = s.Build.Outcome,
            FailedBuilds = BuildFailures.Lines(s),
            TestsAsOf = BuildFailures.TestsAsOf(s),
            FailingRuns = s.Tests.FailingRuns,
            Since = SinceTheState.Lines(s.Git, s.Git is { } recorded ? git?.Invoke(recorded) : null),
            FileChanged = ChangedFiles.Lines(s, root),
            Diffstat = DiffstatLine(s.Files),
        };
    }

    static string FirstLine(string text) => text.Split('\n')[0].Trim();

    static string? DiffstatLine(FileChanges files)
    {
        if (files.Diffstat is not { Count: > 0 } stat) return null;
        var shown = stat.OrderByDescending(f => f.Value.Added + f.Value.Removed).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(MaxDiffstatShown).Select(f => $"{f.Key} +{f.Value.Added} −{f.Value.Removed}");
        var more = stat.Count - MaxDiffstatShown + (files.DiffstatOmitted ?? 0);
        return "Changed in this session: " + string.Join(", ", shown) + (more > 0 ? $" … and {Plural.Count(more, "more file")}" : "");
    }

    static string StatusText(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" or "in-progress" or "in progress" => "In progress",
        "blocked" => "Blocked",
        "done" => "Done",
        var other => char.ToUpperInvariant(other[0]) + other[1..],
    };

    /// <summary>The first next prompt (a person's own come first), else a hint that fits the state.</summary>
    static string SuggestNextAction(SessionState s)
    {
        if (s.NextPrompts.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) is { } prompt) return prompt;
        // Never the all-clear below after a failure: the build comes first.
        if (BuildFailures.NextAction(s) is { } fixBuild) return fixBuild;
        if (s.Progress.InProgress.FirstOrDefault() is { } doing) return $"Continue: {doing}";
        if (s.Todos.FirstOrDefault() is { } todo) return $"Next todo: {todo}";
        if (string.IsNullOrWhiteSpace(s.Objectives.Primary)) return $"Set an objective: {SetObjectiveHint}";
        return "Build and test: everything recorded is green.";
    }
}

public static class RelativeTime
{
    public static string Describe(TimeSpan ago)
    {
        if (ago < TimeSpan.FromMinutes(1)) return "just now";
        if (ago < TimeSpan.FromHours(1)) return Ago((int)ago.TotalMinutes, "minute");
        if (ago < TimeSpan.FromDays(1)) return Ago((int)ago.TotalHours, "hour");
        return Ago((int)ago.TotalDays, "day");
    }

    static string Ago(int n, string unit) => $"{Plural.Count(n, unit)} ago";
}
