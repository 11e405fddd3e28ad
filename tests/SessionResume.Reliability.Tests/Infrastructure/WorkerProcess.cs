using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SessionResume.Reliability.Infrastructure;

/// <summary>
/// One running SessionResume.Reliability.Worker: a separate OS process, started as
/// `dotnet SessionResume.Reliability.Worker.dll ...` from this test assembly's folder (the project
/// reference copies it there with its runtimeconfig). Its output lines are collected as they come.
/// </summary>
sealed class WorkerProcess : IDisposable
{
    public static string WorkerDll { get; } = Path.Combine(AppContext.BaseDirectory, "SessionResume.Reliability.Worker.dll");

    readonly Process process;
    readonly List<string> lines = [];
    readonly StringBuilder errors = new();
    readonly object gate = new();
    bool outputClosed;

    WorkerProcess(Process process) => this.process = process;

    public int Id => process.Id;
    public string CommandLine { get; private init; } = "";

    public static WorkerProcess Start(params string[] arguments)
    {
        if (!File.Exists(WorkerDll)) throw new FileNotFoundException($"The worker is not beside the tests: {WorkerDll}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(WorkerDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var worker = new WorkerProcess(new Process { StartInfo = start }) { CommandLine = "worker " + string.Join(' ', arguments) };
        worker.Begin();
        return worker;
    }

    /// <summary>The dotnet host that runs the tests (the CLI sets DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    void Begin()
    {
        process.OutputDataReceived += (_, e) =>
        {
            lock (gate)
            {
                if (e.Data is null) outputClosed = true; else lines.Add(e.Data);
                Monitor.PulseAll(gate);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) errors.Append(e.Data).Append('\n'); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get { lock (gate) return lines.ToList(); }
    }

    /// <summary>Everything it printed, for failure messages.</summary>
    public string Output
    {
        get { lock (gate) return $"$ {CommandLine}\n{string.Join('\n', lines)}\n{errors}"; }
    }

    /// <summary>Waits for a line starting with <paramref name="prefix"/>; fails with the output if it does not come.</summary>
    public string WaitForLine(string prefix, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        lock (gate)
        {
            while (true)
            {
                var found = lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (found is not null) return found;
                var left = timeout - watch.Elapsed;
                if (outputClosed || left <= TimeSpan.Zero)
                    throw new Xunit.Sdk.XunitException($"No line '{prefix}...' from the worker within {timeout.TotalSeconds:0} s (output closed: {outputClosed}).\n{Output}");
                Monitor.Wait(gate, left);
            }
        }
    }

    /// <summary>The key=value pairs of the first line starting with <paramref name="word"/>.</summary>
    public Dictionary<string, string> Values(string word)
    {
        var line = Lines.FirstOrDefault(l => l.StartsWith(word + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"The worker printed no {word} line.\n{Output}");
        return line.Split(' ').Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    public long Number(string word, string key) => long.Parse(Values(word)[key], CultureInfo.InvariantCulture);

    public void Send(string line)
    {
        process.StandardInput.WriteLine(line);
        process.StandardInput.Flush();
    }

    /// <summary>SIGKILL (Process.Kill sends SIGKILL on Unix): no handler, no finally block, no flush runs.</summary>
    public void Kill()
    {
        try { process.Kill(); } catch (InvalidOperationException) { /* already gone */ }
    }

    /// <summary>Waits for the exit and for its output to be read to the end.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout)) return false;
        process.WaitForExit();
        return true;
    }

    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
    }
}
