using SessionResume.Common;
using SessionResume.Fingerprints;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;

namespace SessionResume.Application;

/// <summary>
/// The full-capture logger's whole job, without MSBuild: it is told of projects starting and
/// finishing and of every error event, and when the build finishes it merges what it saw through the
/// write path. Errors that have a richer record elsewhere are left out: the compiler's (the SARIF
/// log), the test runners' (the test captures) and the package's own (SR). A build that only runs the
/// package's verbs records nothing: they write what they mean to.
/// </summary>
public sealed class FullCapture(string root, Func<DateTime> clock)
{
    static readonly HashSet<string> RecordedElsewhere = new(StringComparer.OrdinalIgnoreCase)
    {
        "Csc", "Vbc", "VSTestTask", "InvokeTestingPlatformTask",
    };

    static readonly HashSet<string> BuildTargets = new(StringComparer.OrdinalIgnoreCase)
    {
        "Build", "Rebuild", "VSTest", "Test", "Publish", "Pack",
    };

    sealed record ProjectRun(string ProjectFile, string? TargetFramework, bool Builds, bool Restores);

    sealed record Error(string ProjectFile, string Code, string? File, int Line, int Column, string Message, string? TargetFramework);

    readonly Dictionary<int, ProjectRun> runs = [];
    readonly Dictionary<string, bool> finished = new(StringComparer.Ordinal);
    readonly List<Error> errors = [];
    DateTime? started;
    bool verbsOnly;

    /// <summary>A project (or a call into it) started; <paramref name="isEntry"/> for the ones the command line named.</summary>
    public void ProjectStarted(int context, string? projectFile, IReadOnlyList<string> targets, string? targetFramework, bool restoring,
        bool isEntry)
    {
        if (string.IsNullOrEmpty(projectFile)) return;
        started ??= clock();
        if (isEntry && targets.Count > 0 && targets.All(t => t.StartsWith("Session", StringComparison.OrdinalIgnoreCase))) verbsOnly = true;
        var builds = targets.Count == 0 || targets.Any(BuildTargets.Contains);
        var restores = restoring || targets.Contains("Restore", StringComparer.OrdinalIgnoreCase);
        runs[context] = new ProjectRun(Path.GetFullPath(projectFile), targetFramework is { Length: > 0 } ? targetFramework : null, builds,
            restores);
    }

    public void ProjectFinished(int context, bool succeeded)
    {
        if (!runs.TryGetValue(context, out var run) || !(run.Builds || run.Restores)) return;
        finished[run.ProjectFile] = finished.GetValueOrDefault(run.ProjectFile, true) && succeeded;
    }

    public void ErrorRaised(int context, string? projectFile, string? code, string? file, int line, int column, string? message,
        string? sender)
    {
        if (sender is not null && RecordedElsewhere.Contains(sender)) return;
        if (code is not null && code.StartsWith("SR", StringComparison.OrdinalIgnoreCase) && code.Length == 6) return;
        var run = runs.GetValueOrDefault(context);
        // NuGet reports a project's restore error against the project file, while it runs in the entry project.
        var owner = IsProjectFile(file) ? file : projectFile ?? run?.ProjectFile;
        if (string.IsNullOrEmpty(owner)) return;
        errors.Add(new Error(Path.GetFullPath(owner), string.IsNullOrEmpty(code) ? "error" : code, file, line, column, message ?? "",
            run?.TargetFramework));
    }

    /// <summary>Merges what was seen (when it can change the state) and starts over for the next build of the same process.</summary>
    public IReadOnlyList<Problem> BuildFinished()
    {
        try
        {
            if (verbsOnly || started is null) return [];
            var problems = new List<Problem>();
            var session = Session.Open(root, root, null, new Dictionary<string, string?>(), manageGitIgnore: true, problems);
            // The common case, a clean build: nothing to record unless an earlier error of an origin
            // outside the compiler may now be resolved. A look at the text, without parsing it.
            if (errors.Count == 0 && !MayHoldOriginEntries(session.Location.StateFile)) return problems;
            var build = Observe(session.Root);
            var failed = build.Projects.Any(p => p.Succeeded == false);
            if (!session.Settings.AutoSave || (failed && !session.Settings.SaveOnError)) return problems;
            // A dry run on the state as it is: a clean build with nothing to resolve writes nothing and asks git nothing.
            if (!SessionWriter.WouldChange(session, clock, ifNoState: build.Projects.Any(p => p.Errors.Count > 0),
                    (state, context) => LoggedBuildMerge.Apply(state, build, context)))
                return problems;
            var result = SessionWriter.Update(session, clock,
                (state, context) => Change.IfChanged(LoggedBuildMerge.Apply(state, build, context)));
            problems.AddRange(result.Problems);
            return problems;
        }
        finally
        {
            runs.Clear();
            finished.Clear();
            errors.Clear();
            started = null;
            verbsOnly = false;
        }
    }

    LoggedBuild Observe(string sessionRoot)
    {
        var projects = runs.Values.Select(r => r.ProjectFile).Concat(errors.Select(e => e.ProjectFile)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(file => new LoggedProject(
                SessionPaths.ToSessionPath(file, sessionRoot),
                Built: runs.Values.Any(r => r.ProjectFile == file && r.Builds),
                Restored: runs.Values.Any(r => r.ProjectFile == file && r.Restores),
                Succeeded: finished.TryGetValue(file, out var ok) ? ok : null,
                Errors: errors.Where(e => e.ProjectFile == file).Select(e => (Diagnostic(e, sessionRoot), e.TargetFramework)).ToList()))
            .ToList();
        return new LoggedBuild(started ?? clock(), projects);
    }

    static BuildDiagnostic Diagnostic(Error e, string sessionRoot)
    {
        var file = SessionPaths.ToSessionPath(e.File is { Length: > 0 } f ? f : e.ProjectFile, sessionRoot);
        // Redacted before fingerprinting, as every message is.
        var message = Redaction.SecretRedactor.Redact(e.Message).Trim();
        return new BuildDiagnostic(e.Code, Severity.Error, file, Math.Max(0, e.Line), Math.Max(0, e.Column), message,
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, e.Code, file, message, sessionRoot));
    }

    static bool MayHoldOriginEntries(string stateFile)
    {
        try
        {
            return File.Exists(stateFile) && File.ReadAllText(stateFile).Contains("\"origin\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;   // the next write reports the file's trouble
        }
    }

    static bool IsProjectFile(string? file) =>
        file is not null && Path.GetExtension(file).EndsWith("proj", StringComparison.OrdinalIgnoreCase) && Path.IsPathRooted(file);
}
