namespace SessionResume.Tests.Infrastructure;

/// <summary>C# sources for the throwaway projects.</summary>
public static class Sources
{
    /// <summary>CS0029: Cannot implicitly convert type 'string' to 'int'.</summary>
    public const string BrokenStatement = "int x = \"a\";";
    public const string FixedStatement = "int x = 1;";

    /// <summary>
    /// A class whose method holds STATEMENT (which declares `x`), with COMMENTLINESABOVE comment
    /// lines inserted at the top of the file to move everything below.
    /// </summary>
    public static string Calculator(string statement, int commentLinesAbove = 0, string ns = "Lib", string type = "Calculator") =>
        $"namespace {ns};\n"
        + string.Concat(Enumerable.Range(1, commentLinesAbove).Select(i => $"// inserted line {i}\n"))
        + "\n"
        + $"public class {type}\n"
        + "{\n"
        + "    public int Value()\n"
        + "    {\n"
        + $"        {statement}\n"
        + "        return x;\n"
        + "    }\n"
        + "}\n";

    /// <summary>A class that compiles without any diagnostic.</summary>
    public static string Clean(string ns, string type = "Clean") =>
        $"namespace {ns};\n\npublic class {type}\n{{\n    public int Value() => 42;\n}}\n";

    /// <summary>CS0103: The name 'missing' does not exist in the current context.</summary>
    public static string UnknownName(string ns, string type = "Unknown") =>
        $"namespace {ns};\n\npublic class {type}\n{{\n    public int Value() => missing;\n}}\n";

    /// <summary>Compiles, with warning CS0168 (variable declared but never used).</summary>
    public static string UnusedVariable(string ns, string type = "Unused") =>
        $"namespace {ns};\n\npublic class {type}\n{{\n    public int Value()\n    {{\n        int unused;\n        return 1;\n    }}\n}}\n";

    /// <summary>The 1-based line of the first line containing TEXT.</summary>
    public static int LineOf(string source, string text)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
                return i + 1;
        }
        throw new ArgumentException($"'{text}' is not in the source.");
    }
}
