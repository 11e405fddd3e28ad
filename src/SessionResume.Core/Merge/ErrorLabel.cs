using SessionResume.Fingerprints;

namespace SessionResume.Merge;

/// <summary>An error as a person recognises it in a message: printed fingerprint, place, first words.</summary>
static class ErrorLabel
{
    const int MaxWords = 8;

    public static string For(string code, string fingerprint, string file, int line, string message, bool resolved) =>
        $"{Fingerprint.Display(code, fingerprint)} {file}{(line > 0 ? $":{line}" : "")}" +
        $" \"{FirstWords(message)}\"{(resolved ? " (resolved)" : "")}";

    static string FirstWords(string message)
    {
        var firstLine = message.Split('\n', 2)[0].Trim();
        var words = firstLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxWords ? firstLine : string.Join(' ', words.Take(MaxWords)) + " …";
    }
}
