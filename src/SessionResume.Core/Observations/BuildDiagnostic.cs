namespace SessionResume.Observations;

public enum Severity { Warning, Error }

/// <summary>One compiler or analyzer diagnostic, with its path already relative to the session root.</summary>
public sealed record BuildDiagnostic(
    string Code,
    Severity Severity,
    string File,
    int Line,
    int Column,
    string Message,
    string Fingerprint)
{
    public DiagnosticPhase Phase => DiagnosticPhases.Of(Code);
}
