using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// progress and todos as SessionSave changes them. An item sits in one progress list at a time:
/// naming it moves it. Within one request the most final place wins (completed, then blocked, then
/// in progress), and a completed item is no longer a todo.
/// </summary>
static class ProgressMoves
{
    public static void Apply(SessionState state, SaveRequest request, List<string> changes)
    {
        var progress = state.Progress;
        var todos = TextList.Append(state.Todos, request.Todos);
        if (todos > 0) changes.Add($"{Plural.Count(todos, "todo", "todos")} added");

        Move(request.InProgress, progress.InProgress, [progress.Blocked, progress.Completed], "in progress", changes);
        Move(request.Blocked, progress.Blocked, [progress.InProgress, progress.Completed], "blocked", changes);
        Move(request.Completed, progress.Completed, [progress.InProgress, progress.Blocked], "completed", changes);

        var done = TextList.Remove(state.Todos, request.Completed);
        if (done > 0) changes.Add($"{Plural.Count(done, "todo", "todos")} done");
    }

    static void Move(IReadOnlyList<string> items, List<string> to, List<string>[] from, string where, List<string> changes)
    {
        foreach (var list in from) TextList.Remove(list, items);
        var added = TextList.Append(to, items);
        if (added > 0) changes.Add($"{Plural.Count(added, "item", "items")} {where}");
    }
}
