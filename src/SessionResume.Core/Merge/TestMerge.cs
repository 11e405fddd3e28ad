using SessionResume.Common;
using SessionResume.Fingerprints;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Merges one test run (project + target framework) into the state. A test that ran updates its
/// entry; a partial run (filtered, aborted) leaves the failures it did not run as they were, the way
/// pytest's --lf cache does; a full run also forgets failures of tests that no longer exist.
/// </summary>
public static class TestMerge
{
    public const int MaxFailures = 200;
    public const int MaxFixed = 20;
    const int MaxMessageLines = 5;
    const int MaxMessageChars = 600;

    public static void Apply(SessionState state, TestRunObservation run, MergeContext context, string sessionRoot)
    {
        var tests = state.Tests;
        var tfm = run.TargetFramework;
        var mine = tests.Failures.Where(f => f.Project == run.Project)
            .GroupBy(f => f.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ran = new HashSet<string>(StringComparer.Ordinal);
        // Most results are passes of tests that never failed: they change nothing but the counts,
        // so only failures and tests with a known failure's name are fingerprinted.
        var knownNames = mine.Values.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var result in run.Results)
        {
            if (result.Outcome != TestOutcome.Failed && !knownNames.Contains(result.FullyQualifiedName)) continue;
            var fingerprint = Fingerprint.ForTest(result.AssemblyName, result.FullyQualifiedName, result.DisplayName);
            ran.Add(fingerprint);
            mine.TryGetValue(fingerprint, out var entry);
            if (result.Outcome == TestOutcome.Failed)
            {
                if (entry is null)
                {
                    entry = new TestFailure { Fingerprint = fingerprint, Project = run.Project, FirstSeen = context.Now };
                    tests.Failures.Add(entry);
                    mine[fingerprint] = entry;
                }
                RecordFailure(entry, result, run, context, sessionRoot);
            }
            else if (result.Outcome == TestOutcome.Passed && entry is not null && entry.TargetFrameworks.Remove(tfm)
                && entry.TargetFrameworks.Count == 0)
            {
                tests.Failures.Remove(entry);
                tests.Fixed.Insert(0, new FixedTest
                {
                    Name = entry.Name,
                    Path = entry.Path,
                    Project = entry.Project,
                    Attempts = entry.Attempts,
                    FixedAt = context.Now,
                });
            }
        }

        if (run.Partial is false && run.Aborted is null)
        {
            // A full run that did not run a known failure: the test was renamed or deleted.
            foreach (var gone in mine.Values
                .Where(f => !ran.Contains(f.Fingerprint) && f.TargetFrameworks.Remove(tfm) && f.TargetFrameworks.Count == 0).ToList())
                tests.Failures.Remove(gone);
        }
        if (run.Aborted is not null) RecordCrash(tests, run, context);

        RecordCounts(tests, run, context.Now);
        Summarize(tests);
    }

    static void RecordFailure(TestFailure entry, TestResultRecord result, TestRunObservation run, MergeContext context, string sessionRoot)
    {
        var tfm = run.TargetFramework;
        var hadFramework = entry.TargetFrameworks.Contains(tfm);
        if (!hadFramework)
        {
            entry.TargetFrameworks.Add(tfm);
            entry.TargetFrameworks.Sort(StringComparer.Ordinal);
        }
        // attempts: consecutive runs in which it failed (once per run, not once per framework).
        if (entry.Attempts == 0) entry.Attempts = 1;
        else if (hadFramework && entry.TargetFrameworks[0] == tfm) entry.Attempts++;

        var frame = StackFrames.TopInRepository(result.ErrorStackTrace, sessionRoot);
        // Source information when it is inside the repository, else the top stack frame that is.
        var source = string.IsNullOrEmpty(result.CodeFilePath) ? null : SessionPaths.ToSessionPath(result.CodeFilePath, sessionRoot);
        // The line is where the test failed (the top frame in its own file), under every runner; where
        // the test is declared only when no frame is known (VSTest reports no source, MTP the declaration).
        var (file, line) = source is not null && !source.StartsWith('{')
            ? (source, StackFrames.TopInFile(result.ErrorStackTrace, sessionRoot, source)?.Line ?? Math.Max(0, result.LineNumber))
            : (frame?.File, frame?.Line ?? 0);
        entry.Name = result.FullyQualifiedName;
        entry.DisplayName = Text.Shorten(Text.Clean(result.DisplayName), 500);
        entry.File = file;
        entry.Line = line;
        entry.FileHash = file is null ? null : context.Sources.Hash(file);
        entry.Path = FailedPath.For(file, entry.Project, result.FullyQualifiedName, result.DisplayName);
        // Redacted before fingerprinting and before shortening (a cut could leave part of a token behind).
        var message = Redaction.SecretRedactor.Redact(result.ErrorMessage);
        entry.Message = ShortMessage(message);
        entry.FailureFingerprint =
            Fingerprint.ForTestFailure(null, message, frame is null ? null : $"{frame.Method} in {frame.File}", sessionRoot);
        entry.Outcome = "failed";
        entry.Runner = RerunStyles.Name(run.RerunStyle);
        entry.LastSeen = context.Now;
    }

    /// <summary>A crashed or hung test host: the tests that were running (when known) become failures marked as such.</summary>
    static void RecordCrash(TestSection tests, TestRunObservation run, MergeContext context)
    {
        foreach (var running in CrashReport.RunningTests(run.Aborted!))
        {
            var fingerprint = Fingerprint.ForTest(CrashReport.AssemblyOf(run), running, running);
            var entry = tests.Failures.FirstOrDefault(f => f.Project == run.Project && f.Name == running);
            if (entry is null)
            {
                entry = new TestFailure { Fingerprint = fingerprint, Project = run.Project, FirstSeen = context.Now, Attempts = 1 };
                tests.Failures.Add(entry);
            }
            else entry.Attempts++;
            if (!entry.TargetFrameworks.Contains(run.TargetFramework)) entry.TargetFrameworks.Add(run.TargetFramework);
            entry.Name = running;
            entry.DisplayName = running;
            entry.Path = FailedPath.For(entry.File, run.Project, running, running);
            entry.Outcome = "crashed";
            entry.Message = ShortMessage(Redaction.SecretRedactor.Redact(run.Aborted));
            entry.Runner = RerunStyles.Name(run.RerunStyle);
            entry.LastSeen = context.Now;
        }
    }

    static void RecordCounts(TestSection tests, TestRunObservation run, DateTime now)
    {
        if (!tests.Runs.TryGetValue(run.Project, out var byFramework))
            tests.Runs[run.Project] = byFramework = new(StringComparer.Ordinal);
        byFramework.TryGetValue(run.TargetFramework, out var previous);
        var failed = FailedCount(tests, run.Project, run.TargetFramework);
        var partial = run.Partial || run.Aborted is not null;
        var skipped = run.Results.Count(r => r.Outcome == TestOutcome.Skipped);
        var total = run.Results.Count;
        // The tests a crash cut short ran too, though they have no result.
        if (run.Aborted is not null)
            total += CrashReport.RunningTests(run.Aborted).Count(name => !run.Results.Any(r => r.FullyQualifiedName == name));
        if (partial && previous is not null)
        {
            // Only some tests ran: the totals of the last full run still describe the rest.
            total = Math.Max(previous.Total, total);
            skipped = Math.Max(previous.Skipped, skipped);
        }
        byFramework[run.TargetFramework] = new TestRunCounts
        {
            Time = now,
            Total = total,
            Failed = failed,
            Skipped = skipped,
            Passed = Math.Max(0, total - failed - skipped),
            Partial = partial,
            Aborted = run.Aborted is null ? null : ShortMessage(Redaction.SecretRedactor.Redact(run.Aborted)),
        };
    }

    /// <summary>A run's failed count: the known failures of that project and target framework (shared with SessionMerge).</summary>
    internal static int FailedCount(TestSection tests, string project, string targetFramework) =>
        tests.Failures.Count(f => f.Project == project && f.TargetFrameworks.Contains(targetFramework));

    /// <summary>The seed's counts and lists, derived from the entries and the runs (shared with SessionMerge).</summary>
    internal static void Summarize(TestSection tests)
    {
        tests.Failures.Sort((a, b) => string.CompareOrdinal(a.Project + "\n" + a.Path, b.Project + "\n" + b.Path));
        tests.FailuresOmitted = Math.Max(0, tests.Failures.Count - MaxFailures);
        if (tests.Failures.Count > MaxFailures) tests.Failures.RemoveRange(MaxFailures, tests.Failures.Count - MaxFailures);
        if (tests.Fixed.Count > MaxFixed) tests.Fixed.RemoveRange(MaxFixed, tests.Fixed.Count - MaxFixed);
        var runs = tests.Runs.Values.SelectMany(r => r.Values).ToList();
        tests.Total = runs.Sum(r => r.Total);
        // Distinct tests, as their names are listed; a test failing on two frameworks is one test in two runs.
        tests.Failing = tests.Failures.Count + tests.FailuresOmitted;
        tests.FailingRuns = runs.Sum(r => r.Failed) is var failedRuns && failedRuns > tests.Failing ? failedRuns : null;
        tests.Skipped = runs.Sum(r => r.Skipped);
        tests.Passing = runs.Sum(r => r.Passed);
        tests.FailedPaths = tests.Failures.Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();
        // Once the project's frameworks are known: a multi-targeted project's rerun names the frameworks the test failed on.
        foreach (var failure in tests.Failures.Where(f => f.Name.Length > 0))
            failure.Rerun = RerunCommand.ForFailures(failure.Project, [failure], RerunCommand.IsMultiTargeted(tests, failure.Project),
                RerunStyles.Parse(failure.Runner));
        tests.NotInLastRun = tests.Failures.Count(f =>
            tests.Runs.TryGetValue(f.Project, out var byFramework)
            && f.TargetFrameworks.Any(t => byFramework.TryGetValue(t, out var r) && r.Time > f.LastSeen));
    }

    static string ShortMessage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return "";
        var lines = Text.Clean(message).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var text = string.Join("\n", lines.Take(MaxMessageLines));
        if (lines.Count > MaxMessageLines) text += $"\n… and {lines.Count - MaxMessageLines} more lines";
        return Text.Shorten(text, MaxMessageChars);
    }
}
