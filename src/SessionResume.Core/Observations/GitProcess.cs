using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SessionResume.Merge;

namespace SessionResume.Observations;

internal enum GitRunOutcome { Exited, NotStarted, TimedOut }

/// <summary>How one git command went. <see cref="Error"/> is git's stderr, or why it could not start.</summary>
internal sealed record GitRun(GitRunOutcome Outcome, int ExitCode, string Output, string Error)
{
    public bool Succeeded => Outcome == GitRunOutcome.Exited && ExitCode == 0;
}

/// <summary>Runs git read-only, bounded in time, without ever taking the repository's index lock.</summary>
internal static class GitProcess
{
    static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static GitRun Run(string gitExecutable, string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(gitExecutable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // git status refreshes the index and takes index.lock to save it unless told not to; a build
        // running while the user commits must never make their git command fail.
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        // Nothing may wait for a person: no credential or pager prompts.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return new GitRun(GitRunOutcome.NotStarted, -1, "", e.Message);
        }
        process.StandardInput.Close();

        // Both pipes are drained at once: a full stderr pipe would otherwise stall git while we wait on stdout.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            StopTree(process);
            return new GitRun(GitRunOutcome.TimedOut, -1, "", "");
        }
        // A helper git left running in the background could keep the pipes open; that must not hang the build either.
        if (!Task.WaitAll([output, error], timeout)) return new GitRun(GitRunOutcome.TimedOut, -1, "", "");
        return new GitRun(GitRunOutcome.Exited, process.ExitCode, output.Result, error.Result);
    }

    static void StopTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It ended by itself meanwhile, or cannot be stopped; either way we no longer wait for it.
        }
    }
}
