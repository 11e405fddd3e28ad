using System.Diagnostics;
using System.Text;

namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// Runs a command to completion with a generous time limit, capturing all output (standard output
/// and standard error interleaved as they arrive; standard input is closed). Used by the end-to-end
/// tests and the benchmarks.
/// </summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How often <c>whileRunning</c> is called.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Runs FILENAME with ARGUMENTS in WORKINGDIRECTORY. ENVIRONMENT changes the inherited variables
    /// (a null value removes one). After TIMEOUT (<see cref="DefaultTimeout"/> unless given;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits for ever) the process tree is killed and the
    /// result says it timed out. WHILERUNNING, when given, is called every <see cref="PollInterval"/>
    /// until the process exits (the benchmarks sample its memory).
    /// </summary>
    public static CommandResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null, Action<Process>? whileRunning = null)
    {
        var args = arguments.ToList();
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
            startInfo.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                    startInfo.Environment.Remove(name);
                else
                    startInfo.Environment[name] = value;
            }
        }

        var commandLine = string.Join(' ', new[] { fileName }.Concat(args).Select(Quote));
        var output = new StringBuilder();
        var gate = new object();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.Append(e.Data).Append('\n'); };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = timeout ?? DefaultTimeout;
        var timedOut = whileRunning is null
            ? !process.WaitForExit((int)limit.TotalMilliseconds)
            : !WaitPolling(process, limit, stopwatch, whileRunning);
        if (timedOut)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit(10_000);
            stopwatch.Stop();
        }
        else
        {
            // The duration is the time until the exit (the benchmarks' figure), not until the output is read.
            stopwatch.Stop();
            // The parameterless overload waits for the redirected streams to be drained.
            process.WaitForExit();
        }

        string text;
        lock (gate) text = output.ToString();
        var exitCode = timedOut ? -1 : process.ExitCode;
        return new CommandResult(commandLine, workingDirectory, exitCode, text, stopwatch.Elapsed, timedOut);
    }

    /// <summary>Waits for the exit, calling WHILERUNNING in between; false when LIMIT passed first.</summary>
    static bool WaitPolling(Process process, TimeSpan limit, Stopwatch stopwatch, Action<Process> whileRunning)
    {
        while (!process.WaitForExit(PollInterval))
        {
            whileRunning(process);
            if (limit != Timeout.InfiniteTimeSpan && stopwatch.Elapsed >= limit)
                return false;
        }
        return true;
    }

    static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'') ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
