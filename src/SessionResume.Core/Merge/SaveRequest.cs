namespace SessionResume.Merge;

/// <summary>
/// What only a person or an agent knows, as SessionSave receives it (-p:SessionObjective=... and so
/// on; lists already split at ';'). Every field is optional; an empty one changes nothing.
/// </summary>
public sealed record SaveRequest
{
    /// <summary>objectives.primary (replaces it).</summary>
    public string? Objective { get; init; }
    /// <summary>objectives.secondary (appended).</summary>
    public IReadOnlyList<string> Secondary { get; init; } = [];
    /// <summary>objectives.status: in-progress, blocked or done (any case).</summary>
    public string? Status { get; init; }
    /// <summary>progress.completed; the item leaves in_progress, blocked and todos.</summary>
    public IReadOnlyList<string> Completed { get; init; } = [];
    /// <summary>progress.in_progress; the item leaves blocked and completed.</summary>
    public IReadOnlyList<string> InProgress { get; init; } = [];
    /// <summary>progress.blocked; the item leaves in_progress and completed.</summary>
    public IReadOnlyList<string> Blocked { get; init; } = [];
    /// <summary>todos (appended).</summary>
    public IReadOnlyList<string> Todos { get; init; } = [];
    /// <summary>context.key_decisions (appended).</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];
    /// <summary>context.architecture_notes: appended as a new paragraph.</summary>
    public string? Notes { get; init; }
    /// <summary>next_prompts written by a person: kept before the generated ones.</summary>
    public IReadOnlyList<string> NextPrompts { get; init; } = [];
    /// <summary>
    /// Each "FINGERPRINT=how it was fixed": the full fingerprint, the printed form (CS0029-0123456789ab)
    /// or a unique prefix of 8+ hex digits.
    /// </summary>
    public IReadOnlyList<string> Resolutions { get; init; } = [];
}

/// <summary>
/// The result of SessionSave's merge. When <see cref="Applied"/> is false the state was not touched
/// and <see cref="Errors"/> says why; <see cref="Changes"/> are short lines for the build output.
/// </summary>
public sealed record SaveOutcome(bool Applied, IReadOnlyList<string> Errors, IReadOnlyList<string> Changes);
