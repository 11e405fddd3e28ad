using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// build.projects: each project's last build, per target framework, and the sums over them. One
/// build replaces what its project and framework had; other projects and frameworks stay.
/// </summary>
public static class BuildOutcomes
{
    /// <summary>The framework key of a build whose target framework is not known.</summary>
    public const string Unknown = "default";

    public static void Record(SessionState state, string project, string framework, string outcome, int? errors, bool compiled,
        DateTime now)
    {
        if (!state.Build.Projects.TryGetValue(project, out var entry))
            state.Build.Projects[project] = entry = new ProjectBuild();
        var previous = entry.Frameworks.GetValueOrDefault(framework);
        // "default" stands in for frameworks not known yet (a project that failed before it was
        // evaluated): a build of a real framework replaces it.
        if (framework != Unknown) entry.Frameworks.Remove(Unknown);
        entry.Frameworks[framework] = new FrameworkBuild
        {
            Outcome = outcome,
            Time = now,
            Errors = errors,
            Compiled = compiled ? now : previous?.Compiled,
            Extra = previous?.Extra,
        };
        Sum(state.Build);
    }

    /// <summary>A project that no longer targets a framework has no build for it any more.</summary>
    public static void Forget(SessionState state, string project, IReadOnlyList<string> frameworks)
    {
        if (frameworks.Count == 0 || !state.Build.Projects.TryGetValue(project, out var entry)) return;
        foreach (var gone in entry.Frameworks.Keys.Where(f => !frameworks.Contains(f, StringComparer.OrdinalIgnoreCase)).ToList())
            entry.Frameworks.Remove(gone);
        Sum(state.Build);
    }

    /// <summary>The outcome of a project (and of the whole build) is the worst of its parts; its time the newest.</summary>
    public static void Sum(BuildSection build)
    {
        foreach (var (name, project) in build.Projects.ToList())
        {
            if (project.Frameworks.Count == 0)
            {
                build.Projects.Remove(name);
                continue;
            }
            var parts = project.Frameworks.Values;
            project.Outcome = Worst(parts.Select(f => f.Outcome));
            project.Time = parts.Max(f => f.Time);
            project.Errors = parts.All(f => f.Errors is not null) ? parts.Sum(f => f.Errors) : null;
        }
        build.Outcome = build.Projects.Count == 0 ? null : Worst(build.Projects.Values.Select(p => p.Outcome));
        build.Time = build.Projects.Count == 0 ? null : build.Projects.Values.Max(p => p.Time);
    }

    /// <summary>When the compiler last ran for any project: test results older than this describe older code.</summary>
    public static DateTime? LastCompiled(BuildSection build) =>
        build.Projects.Values.SelectMany(p => p.Frameworks.Values).Max(f => f.Compiled);

    static string Worst(IEnumerable<string> outcomes) => outcomes.MaxBy(BuildOutcome.Severity) ?? BuildOutcome.Succeeded;
}
