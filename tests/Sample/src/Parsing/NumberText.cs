namespace Parsing;

/// <summary>Text-to-number helpers with a deliberate compile error for the SessionResume.Build sample.</summary>
public static class NumberText
{
    /// <summary>Parses a number, or gives 0 when the text is not one.</summary>
    public static int ParseOrZero(string text)
    {
        if (int.TryParse(text, out var value))
        {
            return value;
        }

        // Compile error CS0029: cannot implicitly convert type 'string' to 'int'.
        return "zero";
    }
}
