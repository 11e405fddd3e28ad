namespace SessionResume.Observations;

/// <summary>
/// What the full-capture logger saw of one build: each project it built or restored, the errors
/// reported outside the compiler and the test runners (those have their own, richer records), and
/// how it ended.
/// </summary>
public sealed record LoggedBuild(DateTime Started, IReadOnlyList<LoggedProject> Projects);

/// <param name="Project">The project file, relative to the session root.</param>
/// <param name="Built">A build of the project itself ran (not only a question a referencing project asked it).</param>
/// <param name="Restored">NuGet restored it in this build.</param>
/// <param name="Succeeded">How the project's builds ended; null when none was seen to end.</param>
/// <param name="Errors">Its errors, with the target framework of the inner build that reported each (null: none).</param>
public sealed record LoggedProject(
    string Project,
    bool Built,
    bool Restored,
    bool? Succeeded,
    IReadOnlyList<(BuildDiagnostic Error, string? TargetFramework)> Errors);
