using System.Reflection;
using System.Text.RegularExpressions;
using SessionResume.Common;

namespace SessionResume.Tests.Common;

public class ProblemCodesTests
{
    static readonly string[] Constants = typeof(Problem).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    [Fact]
    public void Every_code_is_in_the_registry_once()
    {
        Assert.Equal(Constants.Order(StringComparer.Ordinal), Problem.Codes.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.Equal(Constants.Length, Constants.Distinct().Count());
    }

    [Fact]
    public void The_readme_lists_exactly_the_registrys_codes_in_its_order()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var listed = Regex.Matches(readme, @"^\| `(SR\d{4})` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(Problem.Codes.Select(c => c.Code), listed);
    }

    /// <summary>Every warning code stays a warning under -warnaserror; SR0009 is the one error (a verb's own input).</summary>
    [Fact]
    public void The_props_keep_every_warning_code_a_warning_under_warnaserror()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot(), "build", "SessionResume.Build.props"));
        var kept = props.Descendants().Single(e => e.Name.LocalName == "MSBuildWarningsNotAsErrors").Value
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(code => code.StartsWith("SR", StringComparison.Ordinal));
        Assert.Equal(Problem.Codes.Select(c => c.Code).Where(code => code != Problem.UnknownReference), kept);
    }

    [Fact]
    public void The_warning_line_is_the_form_msbuild_gives_a_warning()
    {
        Assert.Equal("SessionResume.Build warning SR0003: a file could not be written.",
            WarningLine.For(new Problem(Problem.WriteFailed, "a file could not be written.")));
        Assert.Equal("SessionResume.Build warning SR0005: the test results were not recorded (InvalidOperationException: boom).",
            WarningLine.NotRecorded("the test results were", new InvalidOperationException("boom")));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SessionResume.Build.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (SessionResume.Build.sln) was not found above " + AppContext.BaseDirectory);
    }
}
