using System.Text.RegularExpressions;
using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// next_prompts: what a person or agent wrote comes first and is never touched; after it, prompts
/// generated from the unresolved errors, then the commands that rerun the failing tests. Generated
/// prompts are recognised by their fixed form, so they can be replaced as things change.
/// </summary>
public static partial class NextPrompts
{
    public const int MaxGenerated = 5;

    // "Fix error CS0029 in src/B.cs line 42: …", or without a line (a restore error: the project file).
    [GeneratedRegex(@"^(Fix error \S+ in \S.* line \d+(: |$)|Fix error \S+ in \S+: |Rerun the failing tests of \S+: dotnet test )",
        RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedForm();

    public static bool IsGenerated(string prompt) => GeneratedForm().IsMatch(prompt);

    public static string ForError(ErrorEntry e) =>
        $"Fix error {e.Code} in {Place.Of(e.File, e.Line)}: {Text.Shorten(FirstLine(e.Error), 160)}";

    public static void Regenerate(SessionState state)
    {
        var own = state.NextPrompts.Where(p => !IsGenerated(p)).ToList();
        var generated = state.Errors.Unresolved.Take(MaxGenerated).Select(ForError)
            .Concat(state.Tests.Failures.GroupBy(f => (f.Project, f.Runner)).Take(MaxGenerated)
                .Select(g => ForTests(g, RerunCommand.IsMultiTargeted(state.Tests, g.Key.Project))));
        state.NextPrompts = own.Concat(generated.Where(g => !own.Contains(g))).ToList();
    }

    public const int MaxTestsPerRerun = 20;

    public static string ForTests(IEnumerable<TestFailure> failures, bool multiTargeted)
    {
        var list = failures.Take(MaxTestsPerRerun).ToList();
        return $"Rerun the failing tests of {list[0].Project}: "
            + RerunCommand.ForFailures(list[0].Project, list, multiTargeted, RerunStyles.Parse(list[0].Runner));
    }

    static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
