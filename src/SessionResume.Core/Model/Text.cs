namespace SessionResume.Model;

public static class Text
{
    /// <summary>Cuts long text with a visible marker, so a reader knows something was left out.</summary>
    public static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), $"… [{text.Length - max} more chars]");
}
