using System.Text;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// A `dotnet test` command that reruns exactly the given tests when pasted into a shell:
/// VSTest filter characters are escaped with '\' and the filter is quoted for the shell.
/// </summary>
public static class RerunCommand
{
    // The characters with a meaning in VSTest's --filter syntax.
    const string FilterSpecials = @"\()&|=!~";

    public static string For(string project, IReadOnlyCollection<string> fullyQualifiedNames, string? targetFramework = null,
        RerunStyle style = RerunStyle.VSTest)
    {
        var names = fullyQualifiedNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var framework = targetFramework is null ? "" : $" --framework {targetFramework}";
        return style switch
        {
            // .NET 10 dotnet test in MTP mode takes --project and passes the rest to the test app.
            RerunStyle.TestingPlatformXunit =>
                $"dotnet test --project {ShellQuote(project)}{framework} " +
                $"{string.Join(" ", names.Select(n => "--filter-method " + ShellQuote(n)))}",
            RerunStyle.TestingPlatform =>
                $"dotnet test --project {ShellQuote(project)}{framework} --filter {ShellQuote(VSTestFilter(names))}",
            _ => $"dotnet test {ShellQuote(project)}{framework} --filter {ShellQuote(VSTestFilter(names))}",
        };
    }

    /// <summary>
    /// Reruns failing tests: on a multi-targeted project one command per framework a test failed on,
    /// each with --framework and only the tests that failed there, joined with &amp;&amp; (a framework the
    /// machine cannot run is never asked for); else one command.
    /// </summary>
    public static string ForFailures(string project, IReadOnlyList<TestFailure> failures, bool multiTargeted, RerunStyle style)
    {
        if (!multiTargeted) return For(project, failures.Select(f => f.Name).ToList(), style: style);
        var frameworks = failures.SelectMany(f => f.TargetFrameworks).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join(" && ", frameworks.Select(framework =>
            For(project, failures.Where(f => f.TargetFrameworks.Contains(framework)).Select(f => f.Name).ToList(), framework, style)));
    }

    /// <summary>Whether the state has runs of the project on more than one target framework.</summary>
    public static bool IsMultiTargeted(TestSection tests, string project) =>
        tests.Runs.TryGetValue(project, out var byFramework) && byFramework.Keys.Count(k => k != "default") > 1;

    static string VSTestFilter(IEnumerable<string> names) =>
        string.Join("|", names.Select(n => "FullyQualifiedName=" + EscapeFilterValue(n)));

    public static string EscapeFilterValue(string value)
    {
        var b = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (FilterSpecials.Contains(c)) b.Append('\\');
            b.Append(c);
        }
        return b.ToString();
    }

    /// <summary>
    /// Double quotes, as people write it, when that is safe in POSIX shells, PowerShell and cmd
    /// (no $, `, " and no doubled backslash inside); else single quotes with ' written as '\''.
    /// </summary>
    public static string ShellQuote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+:,".Contains(c))) return value;
        var doubleQuoteSafe = value.IndexOfAny(['"', '$', '`']) < 0 && !value.Contains(@"\\", StringComparison.Ordinal)
            && !value.EndsWith('\\');
        return doubleQuoteSafe ? $"\"{value}\"" : "'" + value.Replace("'", "'\\''") + "'";
    }
}
