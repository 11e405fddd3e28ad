namespace SessionResume.Observations;

/// <summary>
/// How far the compiler had to get to report a diagnostic. csc stops after a phase that reported
/// errors (parse, then declarations, then method bodies) and analyzers only run on code that
/// compiled, so a diagnostic of a later phase that vanishes next to errors of an earlier phase was
/// not observed, not fixed.
/// </summary>
public enum DiagnosticPhase { Parse = 0, Declaration = 1, Binding = 2, Analyzer = 3 }

public static class DiagnosticPhases
{
    // Errors reported by the C# parser and lexer (Roslyn's ErrorCode, syntax errors).
    static readonly HashSet<string> ParseCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "CS1001", "CS1002", "CS1003", "CS1004", "CS1007", "CS1009", "CS1010", "CS1011", "CS1012", "CS1013",
        "CS1014", "CS1015", "CS1017", "CS1018", "CS1019", "CS1020", "CS1021", "CS1022", "CS1024", "CS1025",
        "CS1026", "CS1027", "CS1028", "CS1029", "CS1031", "CS1032", "CS1033", "CS1035", "CS1036", "CS1037",
        "CS1038", "CS1039", "CS1040", "CS1041", "CS1043", "CS1044", "CS1055", "CS1056", "CS1513", "CS1514",
        "CS1515", "CS1517", "CS1519", "CS1520", "CS1521", "CS1524", "CS1525", "CS1526", "CS1528", "CS1529",
        "CS1536", "CS1552", "CS1553", "CS1576", "CS1597", "CS1646", "CS1733", "CS8124", "CS8641", "CS8652",
        "BC30035", "BC30198", "BC30201", "BC30203", "BC30205", "BC30648", "BC30037",
    };

    // Errors in declarations: reported before method bodies are bound.
    static readonly HashSet<string> DeclarationCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "CS0101", "CS0102", "CS0111", "CS0115", "CS0146", "CS0246", "CS0234", "CS0501", "CS0506", "CS0507",
        "CS0508", "CS0513", "CS0534", "CS0535", "CS0538", "CS0542", "CS0544", "CS0552", "CS0738",
        "CS0060", "CS0050", "CS0051", "CS0052", "CS0053", "CS0054", "CS0106", "CS0112", "CS0113", "CS0114",
    };

    public static DiagnosticPhase Of(string code)
    {
        if (ParseCodes.Contains(code)) return DiagnosticPhase.Parse;
        if (DeclarationCodes.Contains(code)) return DiagnosticPhase.Declaration;
        // The compilers' own codes: CS (C#), BC (Visual Basic). Anything else comes from an analyzer.
        return IsCompilerCode(code) ? DiagnosticPhase.Binding : DiagnosticPhase.Analyzer;
    }

    static bool IsCompilerCode(string code) =>
        code.Length > 2 && (code.StartsWith("CS", StringComparison.Ordinal) || code.StartsWith("BC", StringComparison.Ordinal))
        && char.IsDigit(code[2]);
}
