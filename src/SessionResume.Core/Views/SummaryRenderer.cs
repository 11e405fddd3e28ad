using System.Globalization;
using System.Text;

using SessionResume.Common;
namespace SessionResume.Views;

/// <summary>Renders a <see cref="SessionSummary"/>. Lists stay short and end with "and N more".</summary>
public static class SummaryRenderer
{
    public const int MaxListed = 5;
    public const string Header = "📋 Previous Session Found";

    public static string Render(SessionSummary s, string? format) => (format ?? "").Trim().ToLowerInvariant() switch
    {
        // Person-written text may hold anything; what reaches a terminal holds no escape sequences.
        "" or "text" => Common.Text.Clean(Text(s)),
        "markdown" or "md" => Common.Text.Clean(Markdown(s)),
        "json" => Model.StateJson.Serialize(s, SummaryJson.Options),
        var other => throw new ArgumentException($"Unknown SessionFormat '{other}': use text, markdown or json."),
    };

    public static string NoSession(string stateFile) =>
        $"No previous session found ({stateFile} does not exist). Run dotnet build or dotnet test to record one.";

    static string Text(SessionSummary s)
    {
        var b = new StringBuilder();
        b.AppendLine(Header);
        foreach (var line in FailedBuilds(s)) b.AppendLine(line);
        b.AppendLine(CultureInfo.InvariantCulture, $"Project: {s.Project}");
        b.AppendLine(CultureInfo.InvariantCulture, $"Last active: {s.LastActiveText}");
        foreach (var line in s.Since.Concat(Limit(s.FileChanged))) b.AppendLine(line);
        if (s.Diffstat is { } diffstat) b.AppendLine(diffstat);
        b.AppendLine(CultureInfo.InvariantCulture, $"Objective: {s.Objective ?? $"(none set: {SessionSummary.SetObjectiveHint})"}");
        b.AppendLine(CultureInfo.InvariantCulture, $"Status: {s.Status} ({s.PercentComplete}% complete)");
        if (s.Completed.Count > 0)
        {
            b.AppendLine("Completed:");
            List(b, s.Completed, "✅ ");
        }
        if (AllPassed(s) is { } passed) b.AppendLine(passed);
        var remaining = Remaining(s);
        if (remaining.Count > 0)
        {
            b.AppendLine("Remaining:");
            foreach (var line in remaining) b.AppendLine(line);
        }
        foreach (var line in Limit(s.SeenBefore)) b.AppendLine("⚠ " + line);
        b.AppendLine("Suggested next action:");
        b.Append("→ ").Append(s.NextAction);
        return b.ToString();
    }

    static string Markdown(SessionSummary s)
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"## {Header}").AppendLine();
        var failedBuilds = FailedBuilds(s).ToList();
        foreach (var line in failedBuilds) b.AppendLine("**" + line + "**");
        if (failedBuilds.Count > 0) b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"- **Project:** {s.Project}");
        b.AppendLine(CultureInfo.InvariantCulture, $"- **Last active:** {s.LastActiveText}");
        foreach (var line in s.Since.Concat(Limit(s.FileChanged))) b.AppendLine("- " + line);
        if (s.Diffstat is { } diffstat) b.AppendLine("- " + diffstat);
        b.AppendLine(CultureInfo.InvariantCulture, $"- **Objective:** {s.Objective ?? "(none set)"}");
        b.AppendLine(CultureInfo.InvariantCulture, $"- **Status:** {s.Status} ({s.PercentComplete}% complete)");
        if (s.Completed.Count > 0)
        {
            b.AppendLine().AppendLine("### Completed");
            List(b, s.Completed, "- ✅ ");
        }
        if (AllPassed(s) is { } passed) b.AppendLine().AppendLine(passed);
        var remaining = Remaining(s);
        if (remaining.Count > 0)
        {
            b.AppendLine().AppendLine("### Remaining");
            foreach (var line in remaining) b.AppendLine("- " + line);
        }
        foreach (var line in Limit(s.SeenBefore)) b.AppendLine("- ⚠ " + line);
        b.AppendLine().AppendLine("### Suggested next action").AppendLine();
        b.Append("→ ").Append(s.NextAction);
        return b.ToString();
    }

    static List<string> Remaining(SessionSummary s)
    {
        var lines = new List<string>();
        lines.AddRange(Limit(s.InProgress).Select(i => "🔄 " + i));
        lines.AddRange(Limit(s.Blocked).Select(i => "⛔ " + i));
        lines.AddRange(Limit(s.Todos).Select(i => "☐ " + i));
        lines.AddRange(Limit(s.Crashes).Select(c => "💥 test host crashed or was aborted: " + c));
        if (s.FailingTests > 0)
        {
            var runs = s.FailingRuns is { } n ? $" ({n} runs across frameworks)" : "";
            lines.Add($"❌ {Plural.Count(s.FailingTests, "failing test")}{runs}");
            lines.AddRange(Limit(s.FailingTestPaths).Select(p => "   " + p));
            if (s.FailuresNotInLastRun > 0) lines.Add($"   {Plural.Count(s.FailuresNotInLastRun, "known failure")} not in the last run");
        }
        if (s.UnresolvedErrors > 0)
        {
            var codes = s.UnresolvedErrorsByCode.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Value == 1 ? c.Key : $"{c.Key} ×{c.Value}").ToList();
            lines.Add($"⚠ {Plural.Count(s.UnresolvedErrors, "unresolved error")} ({string.Join(", ", Limit(codes))})");
        }
        if (s.Warnings > 0) lines.Add($"ℹ {Plural.Count(s.Warnings, "warning")}");
        return lines;
    }

    /// <summary>
    /// Good news is news too: a run in which every test passed says so, but never as an all-clear
    /// for code it did not test (a result older than the last build says when it was).
    /// </summary>
    static string? AllPassed(SessionSummary s) =>
        s.FailingTests == 0 && s.PassingTests > 0 && s.Crashes.Count == 0
            ? $"✅ All {Plural.Count(s.PassingTests, "test")} passed" + (s.TestsAsOf is { } asOf ? $" ({asOf})" : "")
            : null;

    /// <summary>The summary opens with the builds that failed or did not finish: what matters most comes first.</summary>
    static IEnumerable<string> FailedBuilds(SessionSummary s) => Limit(s.FailedBuilds);

    static void List(StringBuilder b, IReadOnlyList<string> items, string prefix)
    {
        foreach (var item in Limit(items)) b.AppendLine(prefix + item);
    }

    /// <summary>The first few items, then "… and N more": never silently cut.</summary>
    static IEnumerable<string> Limit(IReadOnlyList<string> items) =>
        items.Count <= MaxListed ? items : items.Take(MaxListed).Append($"… and {items.Count - MaxListed} more");

}
