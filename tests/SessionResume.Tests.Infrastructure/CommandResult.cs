namespace SessionResume.Tests.Infrastructure;

/// <summary>What one external command did: its exit code and everything it printed (stdout and
/// stderr interleaved as they arrived). ToString() is meant for assertion messages.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    /// <summary>Keeps assertion messages readable: the tail of a long log is where MSBuild summarises.</summary>
    const int MaxOutputInMessage = 20_000;

    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public override string ToString()
    {
        var output = Output.Length <= MaxOutputInMessage
            ? Output
            : "[... " + (Output.Length - MaxOutputInMessage) + " characters cut ...]\n" + Output[^MaxOutputInMessage..];
        return $"$ {CommandLine}\n(in {WorkingDirectory}; exit code {ExitCode}{(TimedOut ? ", TIMED OUT" : "")}; {Duration.TotalSeconds:0.0}s)\n{output}";
    }
}
