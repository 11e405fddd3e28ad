using Microsoft.Build.Framework;
using Microsoft.Build.Logging;
using SessionResume.Application;
using SessionResume.Common;

namespace SessionResume.Build;

/// <summary>
/// The opt-in full-capture logger (<c>dotnet msbuild -t:SessionSetup</c> puts it in Directory.Build.rsp):
/// every error event of a command-line build (MSB, NETSDK, NU, evaluation), merged into the state when
/// the build finishes. A thin adapter over <see cref="FullCapture"/>.
/// <para>
/// Why a ConfigurableForwardingLogger: MSBuild makes every build log its low-importance messages
/// for a logger it does not know, which costs time; it asks a ConfigurableForwardingLogger which
/// messages it wants instead. This one subscribes to errors, project starts and ends and the build's
/// end only, and takes each event itself instead of forwarding it.
/// </para>
/// <para>
/// It must never fail or slow the build: every handler catches everything (an exception in a logger
/// fails the build), and a problem is one SR warning line on the console.
/// </para>
/// Parameters: <c>root=&lt;session root&gt;</c> (the rsp's folder, <c>%MSBuildThisFileDirectory%</c>).
/// </summary>
public sealed class FullCaptureLogger : ConfigurableForwardingLogger
{
    const string Events = "ERROREVENT;PROJECTSTARTEDEVENT;PROJECTFINISHEDEVENT;BUILDFINISHEDEVENT";
    FullCapture? capture;

    public override void Initialize(IEventSource eventSource)
    {
        try
        {
            var root = (Parameters ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Equals("root", StringComparison.OrdinalIgnoreCase))
                .Select(p => p[1].Trim('"')).LastOrDefault();
            capture = new FullCapture(string.IsNullOrEmpty(root) ? Directory.GetCurrentDirectory() : root, () => DateTime.UtcNow);
            Parameters = Events;
            base.Initialize(eventSource);
        }
#pragma warning disable CA1031 // Nothing may escape into the build.
        catch (Exception e)
        {
            capture = null;
            Warn(e);
        }
    }

    protected override void ForwardToCentralLogger(BuildEventArgs e)
    {
        if (capture is null) return;
        try
        {
            switch (e)
            {
                case ProjectStartedEventArgs started:
                    capture.ProjectStarted(started.BuildEventContext?.ProjectContextId ?? -1, started.ProjectFile,
                        (started.TargetNames ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        Global(started, "TargetFramework"),
                        string.Equals(Global(started, "MSBuildIsRestoring"), "true", StringComparison.OrdinalIgnoreCase),
                        isEntry: started.ParentProjectBuildEventContext is null
                                 || started.ParentProjectBuildEventContext.ProjectContextId == BuildEventContext.InvalidProjectContextId);
                    break;
                case ProjectFinishedEventArgs ended:
                    capture.ProjectFinished(ended.BuildEventContext?.ProjectContextId ?? -1, ended.Succeeded);
                    break;
                case BuildErrorEventArgs error:
                    capture.ErrorRaised(error.BuildEventContext?.ProjectContextId ?? -1, error.ProjectFile, error.Code, error.File,
                        error.LineNumber, error.ColumnNumber, error.Message, error.SenderName);
                    break;
                case BuildFinishedEventArgs:
                    foreach (var problem in capture.BuildFinished()) Console.Error.WriteLine(WarningLine.For(problem));
                    break;
            }
        }
        catch (Exception ex)
        {
            capture = null;   // once: the rest of the build goes on without it
            Warn(ex);
        }
    }
#pragma warning restore CA1031

    static string? Global(ProjectStartedEventArgs e, string name) =>
        e.GlobalProperties is { } properties && properties.TryGetValue(name, out var value) ? value : null;

    static void Warn(Exception e)
    {
        try { Console.Error.WriteLine(WarningLine.NotRecorded("what the full-capture logger saw is", e)); }
#pragma warning disable CA1031
        catch (Exception) { }
#pragma warning restore CA1031
    }
}
