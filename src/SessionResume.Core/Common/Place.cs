namespace SessionResume.Common;

/// <summary>
/// Where a problem is, as every view writes it: "src/B.cs line 42", or the file alone when no line is
/// known (a restore error).
/// </summary>
public static class Place
{
    public static string Of(string file, int line) => line > 0 ? $"{file} line {line}" : file;
}
