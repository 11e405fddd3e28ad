using SessionResume.Application;
using SessionResume.Merge;

namespace SessionResume.Build;

/// <summary>SessionSave: merges the -p:Session... values, ends the session, archives it, updates token-cache/summaries.md.</summary>
public sealed class SaveSession : SessionVerbTask
{
    public string? Objective { get; set; }
    public string[]? Secondary { get; set; }
    public string? Status { get; set; }
    public string[]? Completed { get; set; }
    public string[]? InProgress { get; set; }
    public string[]? Blocked { get; set; }
    public string[]? Todos { get; set; }
    public string[]? Decisions { get; set; }
    public string? Notes { get; set; }
    public string[]? NextPrompts { get; set; }
    public string[]? Resolutions { get; set; }

    protected override VerbResult RunVerb() => SessionVerbs.Save(Session, new SaveRequest
    {
        Objective = string.IsNullOrWhiteSpace(Objective) ? null : Objective.Trim(),
        Secondary = List(Secondary),
        Status = string.IsNullOrWhiteSpace(Status) ? null : Status.Trim(),
        Completed = List(Completed),
        InProgress = List(InProgress),
        Blocked = List(Blocked),
        Todos = List(Todos),
        Decisions = List(Decisions),
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes,
        NextPrompts = List(NextPrompts),
        Resolutions = List(Resolutions),
    }, Clock);
}
