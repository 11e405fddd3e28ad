using System.Text;

namespace SessionResume.Testing;

/// <summary>
/// A `dotnet test` command that reruns exactly the given tests when pasted into a shell:
/// VSTest filter characters are escaped with '\' and the filter is quoted for the shell.
/// </summary>
public static class RerunCommand
{
    // The characters with a meaning in VSTest's --filter syntax.
    const string FilterSpecials = @"\()&|=!~";

    public static string For(string project, IReadOnlyCollection<string> fullyQualifiedNames, string? targetFramework = null)
    {
        var filter = string.Join("|", fullyQualifiedNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(n => "FullyQualifiedName=" + EscapeFilterValue(n)));
        var framework = targetFramework is null ? "" : $" --framework {targetFramework}";
        return $"dotnet test {ShellQuote(project)}{framework} --filter {ShellQuote(filter)}";
    }

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
        var doubleQuoteSafe = value.IndexOfAny(['"', '$', '`']) < 0 && !value.Contains(@"\\", StringComparison.Ordinal) && !value.EndsWith('\\');
        return doubleQuoteSafe ? $"\"{value}\"" : "'" + value.Replace("'", "'\\''") + "'";
    }
}
