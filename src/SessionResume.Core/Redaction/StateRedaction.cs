using SessionResume.Model;

namespace SessionResume.Redaction;

/// <summary>
/// Redacts every free-text field of a state in place, right before it is written (state file,
/// archive, summaries). Identity and structure are never touched: fingerprints, aliases, codes,
/// file paths, project paths, session ids, times and counts stay exactly as they are, so matching,
/// attempts and resolutions work the same on redacted states.
/// </summary>
/// <remarks>
/// A test's fully qualified name (<see cref="TestFailure.Name"/>) and its rerun command are left
/// alone as well: the next test run recognises a fixed test by that name, and the command must stay
/// runnable. A data row's arguments, where a test's secrets would be, are in the display name and
/// the failed path, and those are redacted (the file part of a failed path is a path and never
/// matches a pattern).
/// </remarks>
public static class StateRedaction
{
    public static void Apply(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Objectives(state.Objectives);
        Progress(state.Progress);
        if (state.Files is not null) JsonRedaction.Apply(state.Files.Extra);
        Errors(state.Errors);
        Warnings(state.Warnings);
        Tests(state.Tests);
        Each(state.Todos);
        // Commit subjects are free text a person wrote: a pasted token among them is redacted too.
        if (state.Commits is not null) Each(state.Commits);
        Context(state.Context);
        Each(state.NextPrompts);
        Build(state.Build);
        JsonRedaction.Apply(state.Extra);
    }

    static void Build(BuildSection? build)
    {
        if (build is null) return;
        // Normally fixed words, but a person may write anything there.
        build.Outcome = SecretRedactor.Redact(build.Outcome);
        foreach (var project in build.Projects?.Values ?? Enumerable.Empty<ProjectBuild>())
        {
            if (project is null) continue;
            project.Outcome = SecretRedactor.Redact(project.Outcome) ?? "";
            foreach (var framework in project.Frameworks?.Values ?? Enumerable.Empty<FrameworkBuild>())
            {
                if (framework is null) continue;
                framework.Outcome = SecretRedactor.Redact(framework.Outcome) ?? "";
                JsonRedaction.Apply(framework.Extra);
            }
            JsonRedaction.Apply(project.Extra);
        }
        JsonRedaction.Apply(build.Extra);
    }

    static void Objectives(Objectives? o)
    {
        if (o is null) return;
        o.Primary = SecretRedactor.Redact(o.Primary);
        Each(o.Secondary);
        // Normally a fixed word, but a person may write anything there.
        o.Status = SecretRedactor.Redact(o.Status);
        JsonRedaction.Apply(o.Extra);
    }

    static void Progress(Progress? p)
    {
        if (p is null) return;
        Each(p.Completed);
        Each(p.InProgress);
        Each(p.Blocked);
        JsonRedaction.Apply(p.Extra);
    }

    static void Errors(ErrorSection? errors)
    {
        if (errors is null) return;
        foreach (var entry in errors.Unresolved ?? []) Entry(entry);
        foreach (var resolved in errors.Resolved ?? [])
        {
            if (resolved is null) continue;
            resolved.Error = SecretRedactor.Redact(resolved.Error);
            resolved.Resolution = SecretRedactor.Redact(resolved.Resolution);
            JsonRedaction.Apply(resolved.Extra);
        }
        JsonRedaction.Apply(errors.Extra);
    }

    static void Warnings(WarningSection? warnings)
    {
        if (warnings is null) return;
        foreach (var entry in warnings.Entries ?? []) Entry(entry);
        JsonRedaction.Apply(warnings.Extra);
    }

    /// <summary>An error or warning: its message, the offending source line and an earlier resolution.</summary>
    static void Entry(ErrorEntry? entry)
    {
        if (entry is null) return;
        entry.Error = SecretRedactor.Redact(entry.Error);
        entry.Source = SecretRedactor.Redact(entry.Source);
        if (entry.SeenBefore is { } seen)
        {
            seen.Resolution = SecretRedactor.Redact(seen.Resolution);
            JsonRedaction.Apply(seen.Extra);
        }
        JsonRedaction.Apply(entry.Extra);
    }

    static void Tests(TestSection? tests)
    {
        if (tests is null) return;
        foreach (var failure in tests.Failures ?? [])
        {
            if (failure is null) continue;
            failure.Message = SecretRedactor.Redact(failure.Message);
            failure.DisplayName = SecretRedactor.Redact(failure.DisplayName);
            failure.Path = SecretRedactor.Redact(failure.Path);
            JsonRedaction.Apply(failure.Extra);
        }
        Each(tests.FailedPaths);
        foreach (var fix in tests.Fixed ?? [])
        {
            if (fix is null) continue;
            fix.Path = SecretRedactor.Redact(fix.Path);
            JsonRedaction.Apply(fix.Extra);
        }
        foreach (var run in (tests.Runs ?? []).Values.SelectMany(byFramework => byFramework.Values))
        {
            if (run is null) continue;
            // What vstest said when the host crashed: free text, may quote the environment.
            run.Aborted = SecretRedactor.Redact(run.Aborted);
            JsonRedaction.Apply(run.Extra);
        }
        JsonRedaction.Apply(tests.Extra);
    }

    static void Context(SessionContext? context)
    {
        if (context is null) return;
        Each(context.TechStack);
        Each(context.KeyDecisions);
        context.ArchitectureNotes = SecretRedactor.Redact(context.ArchitectureNotes);
        JsonRedaction.Apply(context.Extra);
    }

    static void Each(List<string>? list)
    {
        if (list is null) return;
        for (var i = 0; i < list.Count; i++) list[i] = SecretRedactor.Redact(list[i]);
    }
}
