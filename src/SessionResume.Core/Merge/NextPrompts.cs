using System.Text.RegularExpressions;
using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// next_prompts: what a person or agent wrote comes first and is never touched; after it, prompts
/// generated from the unresolved errors. Generated prompts are recognised by their fixed form, so
/// they can be replaced as the errors change.
/// </summary>
public static partial class NextPrompts
{
    public const int MaxGenerated = 5;

    [GeneratedRegex(@"^Fix error \S+ in \S.* line \d+(: |$)", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedForm();

    public static bool IsGenerated(string prompt) => GeneratedForm().IsMatch(prompt);

    public static string ForError(ErrorEntry e) =>
        $"Fix error {e.Code} in {e.File} line {e.Line}: {Text.Shorten(FirstLine(e.Error), 160)}";

    public static void Regenerate(SessionState state)
    {
        var own = state.NextPrompts.Where(p => !IsGenerated(p)).ToList();
        var generated = state.Errors.Unresolved.Take(MaxGenerated).Select(ForError);
        state.NextPrompts = own.Concat(generated.Where(g => !own.Contains(g))).ToList();
    }

    static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
