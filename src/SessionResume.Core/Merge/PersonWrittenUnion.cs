using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// What people and agents wrote, from two state files: lists united without duplicates (the
/// target's items first), single values kept from the target when it has them. In progress, an
/// item completed on either side is completed; otherwise the target's placement of an item wins.
/// </summary>
static class PersonWrittenUnion
{
    public static void Merge(SessionState target, SessionState input)
    {
        if (string.IsNullOrWhiteSpace(target.Project)) target.Project = input.Project;

        var objectives = target.Objectives;
        if (string.IsNullOrWhiteSpace(objectives.Primary)) objectives.Primary = input.Objectives.Primary;
        if (string.IsNullOrWhiteSpace(objectives.Status)) objectives.Status = input.Objectives.Status;
        TextList.Append(objectives.Secondary, input.Objectives.Secondary);
        objectives.Extra = ExtraKeys.Unite(objectives.Extra, input.Objectives.Extra);

        MergeProgress(target, input);

        var context = target.Context;
        TextList.Append(context.TechStack, input.Context.TechStack, StringComparer.OrdinalIgnoreCase);
        TextList.Append(context.KeyDecisions, input.Context.KeyDecisions);
        if (string.IsNullOrWhiteSpace(context.ArchitectureNotes)) context.ArchitectureNotes = input.Context.ArchitectureNotes;
        context.Extra = ExtraKeys.Unite(context.Extra, input.Context.Extra);

        // Only what people wrote; the generated prompts are derived from the merged errors and tests.
        var own = target.NextPrompts.Where(p => !NextPrompts.IsGenerated(p)).ToList();
        TextList.Append(own, input.NextPrompts.Where(p => !NextPrompts.IsGenerated(p)));
        target.NextPrompts = own;

        target.Extra = ExtraKeys.Unite(target.Extra, input.Extra);
    }

    static void MergeProgress(SessionState target, SessionState input)
    {
        var progress = target.Progress;
        var placedByTarget = progress.InProgress.Concat(progress.Blocked).ToList();
        TextList.Append(progress.Completed, input.Progress.Completed);
        TextList.Append(progress.InProgress, input.Progress.InProgress.Where(i => !TextList.Contains(placedByTarget, i)));
        TextList.Append(progress.Blocked,
            input.Progress.Blocked.Where(i => !TextList.Contains(placedByTarget, i) && !TextList.Contains(progress.InProgress, i)));
        TextList.Append(target.Todos, input.Todos);
        foreach (var list in new[] { progress.InProgress, progress.Blocked, target.Todos })
            TextList.Remove(list, progress.Completed);
        progress.Extra = ExtraKeys.Unite(progress.Extra, input.Progress.Extra);
    }
}
