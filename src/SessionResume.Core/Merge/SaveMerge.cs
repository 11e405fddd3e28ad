using SessionResume.Common;
using SessionResume.Fingerprints;
using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// Applies what SessionSave was given to the state. Everything is checked first: one invalid part
/// (unknown or ambiguous fingerprint, a resolution without '=' or without text, an unknown status)
/// and nothing at all is changed, so a typo never leaves a half-saved session behind.
/// </summary>
public static class SaveMerge
{
    public static SaveOutcome Apply(SessionState state, SaveRequest request, DateTime now)
    {
        var errors = new List<string>();
        var status = TextList.Clean(request.Status);
        if (status is not null && SessionStatus.Canonical(status) is null) errors.Add(SessionStatus.Invalid(status));
        var resolutions = ResolutionRequest.ParseAll(request.Resolutions, state.Errors, errors);
        if (errors.Count > 0) return new SaveOutcome(false, errors, []);

        var changes = new List<string>();
        SetObjectives(state.Objectives, request, changes);
        ProgressMoves.Apply(state, request, changes);
        SetContext(state.Context, request, changes);
        AddPrompts(state, request.NextPrompts, changes);
        foreach (var resolution in resolutions) Resolve(state, resolution, Time.Truncate(now), changes);
        // A resolved error's generated prompt goes when the write path regenerates the prompts.
        return new SaveOutcome(true, [], changes);
    }

    static void SetObjectives(Objectives objectives, SaveRequest request, List<string> changes)
    {
        if (TextList.Clean(request.Objective) is { } primary && primary != objectives.Primary)
        {
            objectives.Primary = primary;
            changes.Add("objective set");
        }
        if (SessionStatus.Canonical(request.Status) is { } status && status != objectives.Status)
        {
            objectives.Status = status;
            changes.Add($"status set to {status}");
        }
        var added = TextList.Append(objectives.Secondary, request.Secondary);
        if (added > 0) changes.Add($"{Plural.Count(added, "secondary objective", "secondary objectives")} added");
    }

    static void SetContext(SessionContext context, SaveRequest request, List<string> changes)
    {
        var added = TextList.Append(context.KeyDecisions, request.Decisions);
        if (added > 0) changes.Add($"{Plural.Count(added, "decision", "decisions")} added");

        // Notes grow a paragraph at a time: replacing them would throw away what was written by hand
        // or by an earlier save. The same paragraph twice (a repeated command) is kept once.
        if (TextList.Clean(request.Notes) is not { } notes) return;
        var current = context.ArchitectureNotes;
        if (string.IsNullOrWhiteSpace(current))
        {
            context.ArchitectureNotes = notes;
            changes.Add("notes set");
        }
        else if (!current.Replace("\r\n", "\n").Split("\n\n").Any(p => p.Trim() == notes))
        {
            context.ArchitectureNotes = current.TrimEnd() + "\n\n" + notes;
            changes.Add("notes appended");
        }
    }

    static void AddPrompts(SessionState state, IReadOnlyList<string> prompts, List<string> changes)
    {
        var own = state.NextPrompts.Where(p => !NextPrompts.IsGenerated(p)).ToList();
        var added = TextList.Append(own, prompts);
        if (added == 0) return;
        state.NextPrompts = own.Concat(state.NextPrompts.Where(NextPrompts.IsGenerated)).ToList();
        changes.Add($"{Plural.Count(added, "next prompt", "next prompts")} added");
    }

    /// <summary>An unresolved error moves to resolved as a fixed build would move it; a resolved one gets the new text.</summary>
    static void Resolve(SessionState state, ResolutionRequest request, DateTime now, List<string> changes)
    {
        var unresolved = state.Errors.Unresolved.Where(e => e.Fingerprint == request.Fingerprint).ToList();
        foreach (var entry in unresolved)
        {
            state.Errors.Unresolved.Remove(entry);
            ResolvedErrors.Record(state, entry, request.Resolution, now);
        }
        var resolved = state.Errors.Resolved.Where(r => r.Fingerprint == request.Fingerprint).ToList();
        foreach (var entry in resolved) entry.Resolution = request.Resolution;
        var printed = Fingerprint.Display(resolved[0].Code, request.Fingerprint);
        changes.Add(unresolved.Count > 0 ? $"resolved {printed}" : $"resolution of {printed} replaced");
    }
}
