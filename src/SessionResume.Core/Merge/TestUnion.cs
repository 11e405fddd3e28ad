using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// The test results of two state files made one: failing tests united by fingerprint and project,
/// the newer run of each project and target framework, and the seed's counts derived again from
/// those exactly as a test run derives them (<see cref="TestMerge"/>). A fix and a failure are
/// weighed as errors are (see <see cref="ErrorUnion"/>).
/// </summary>
static class TestUnion
{
    public static void Merge(SessionState target, SessionState input, string label)
    {
        var tests = target.Tests;
        var other = input.Tests;

        foreach (var fix in other.Fixed)
            if (Recency.KnownBefore(target.Timestamp, fix.FixedAt) && !other.Failures.Any(f => Same(f, fix)))
                tests.Failures.RemoveAll(f => Same(f, fix));

        UniteFixed(tests, other.Fixed);

        foreach (var failure in other.Failures)
        {
            if (tests.Failures.FirstOrDefault(f => f.Fingerprint == failure.Fingerprint && f.Project == failure.Project) is { } known)
            {
                known.FirstSeenSession ??= target.SessionId;
                Unite(known, failure, label);
                continue;
            }
            var fix = tests.Fixed.Where(f => Same(failure, f)).MaxBy(f => f.FixedAt);
            if (fix is not null && Recency.KnownBefore(input.Timestamp, fix.FixedAt)) continue;
            failure.SeenIn = TextList.SortedUnion(failure.SeenIn, null, label);
            tests.Failures.Add(failure);
        }

        foreach (var (project, byFramework) in other.Runs)
        {
            if (!tests.Runs.TryGetValue(project, out var mine))
                tests.Runs[project] = mine = new(StringComparer.Ordinal);
            foreach (var (framework, run) in byFramework)
                if (!mine.TryGetValue(framework, out var known) || Recency.Newer(run.Time, known.Time)) mine[framework] = run;
        }
        // A run's failed and passed counts follow the united failures, as TestMerge counts them
        // after a run; only the runs the input touched, the target's others are already right.
        var touched = other.Runs.SelectMany(p => p.Value.Keys.Select(t => (p.Key, t)))
            .Concat(other.Failures.SelectMany(f => f.TargetFrameworks.Select(t => (f.Project, t))));
        foreach (var (project, framework) in touched.Distinct())
        {
            if (!tests.Runs.TryGetValue(project, out var byFramework) || !byFramework.TryGetValue(framework, out var run)) continue;
            run.Failed = TestMerge.FailedCount(tests, project, framework);
            run.Passed = Math.Max(0, run.Total - run.Failed - run.Skipped);
        }
        TestMerge.Summarize(tests);
        tests.Extra = ExtraKeys.Unite(tests.Extra, other.Extra);
    }

    /// <summary>A fixed test names no fingerprint: it is the same test by project and failed_paths entry.</summary>
    static bool Same(TestFailure failure, FixedTest fix) => failure.Project == fix.Project && failure.Path == fix.Path;

    static void Unite(TestFailure known, TestFailure other, string label)
    {
        if (Recency.Newer(other.LastSeen, known.LastSeen))
        {
            known.Name = other.Name;
            known.DisplayName = other.DisplayName;
            known.Path = other.Path;
            known.File = other.File;
            known.Line = other.Line;
            known.Message = other.Message;
            known.FailureFingerprint = other.FailureFingerprint;
            known.Outcome = other.Outcome;
            known.Rerun = other.Rerun;
            known.Runner = other.Runner;
        }
        known.Attempts = Math.Max(known.Attempts, other.Attempts);
        if (Recency.Earlier(other.FirstSeen, known.FirstSeen)) known.FirstSeenSession = other.FirstSeenSession ?? known.FirstSeenSession;
        else known.FirstSeenSession ??= other.FirstSeenSession;
        known.FirstSeen = Recency.Earliest(known.FirstSeen, other.FirstSeen);
        known.LastSeen = Recency.Latest(known.LastSeen, other.LastSeen);
        known.TargetFrameworks = TextList.SortedUnion(known.TargetFrameworks, other.TargetFrameworks) ?? [];
        known.SeenIn = TextList.SortedUnion(known.SeenIn, other.SeenIn, label);
        known.Extra = ExtraKeys.Unite(known.Extra, other.Extra);
    }

    /// <summary>One entry per fixed test, the later fix kept, newest first.</summary>
    static void UniteFixed(TestSection tests, IEnumerable<FixedTest> incoming)
    {
        foreach (var other in incoming)
        {
            var index = tests.Fixed.FindIndex(f => f.Project == other.Project && f.Path == other.Path);
            if (index < 0) tests.Fixed.Add(other);
            else if (Recency.Newer(other.FixedAt, tests.Fixed[index].FixedAt)) tests.Fixed[index] = other;
        }
        tests.Fixed = tests.Fixed
            .OrderByDescending(f => f.FixedAt ?? DateTime.MinValue)
            .ThenBy(f => f.Project, StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }
}
