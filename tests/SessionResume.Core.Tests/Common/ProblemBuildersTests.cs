using System.Reflection;
using System.Text.RegularExpressions;
using SessionResume.Common;

namespace SessionResume.Tests.Common;

/// <summary>Every warning is worded by one builder of <see cref="Problems"/>, under a code of the registry.</summary>
public class ProblemBuildersTests
{
    static readonly MethodInfo[] Builders = typeof(Problems).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(Problem)).ToArray();

    public static TheoryData<string> BuilderNames() => new(Builders.Select(b => b.Name));

    [Theory]
    [MemberData(nameof(BuilderNames))]
    public void A_builder_gives_a_registered_code_and_a_message_with_every_fact_it_is_given(string name)
    {
        var builder = Builders.Single(b => b.Name == name);
        var arguments = builder.GetParameters().Select(p => Sample(p)).ToArray();
        var problem = (Problem)builder.Invoke(null, arguments)!;

        Assert.Contains(problem.Code, Problem.Codes.Select(c => c.Code));
        Assert.NotEqual(Problem.UnknownReference, problem.Code);   // SR0009 is a verb's error, not a warning
        foreach (var text in arguments.OfType<string>().Where(t => t.StartsWith("fact-", StringComparison.Ordinal)))
        {
            var shown = problem.Message.Contains(text, StringComparison.Ordinal) || problem.File == text;
            Assert.True(shown, $"{name} dropped the fact {text}: {problem.Message}");
        }
    }

    [Fact]
    public void Every_code_but_the_verb_error_has_a_builder()
    {
        var given = Builders.Select(b => ((Problem)b.Invoke(null, b.GetParameters().Select(Sample).ToArray())!).Code).ToHashSet();
        Assert.Equal(Problem.Codes.Select(c => c.Code).Where(c => c != Problem.UnknownReference), Problem.Codes.Select(c => c.Code).Where(given.Contains));
    }

    /// <summary>The package's source creates a Problem nowhere else: a new message goes into Problems.cs.</summary>
    [Fact]
    public void No_warning_is_worded_outside_the_builders()
    {
        var src = Path.Combine(ProblemCodesTests.RepositoryRoot(), "src");
        var constructed = new Regex(@"new\s+Problem\s*\(|new\s*\(\s*Problem\.");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "Problems.cs" && constructed.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f));
        Assert.Empty(offenders);
    }

    static object? Sample(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => "fact-" + parameter.Name,
        var t when t == typeof(int) => 7,
        var t when t == typeof(TimeSpan) => TimeSpan.FromSeconds(3),
        var t when t == typeof(Exception) => new IOException("fact-exception"),
        var t when t == typeof(IEnumerable<string>) => new[] { "fact-known" },
        var t => throw new InvalidOperationException($"No sample for a {t.Name} parameter ({parameter.Name}): add one here."),
    };
}
