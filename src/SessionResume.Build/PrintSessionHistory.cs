using SessionResume.Application;

namespace SessionResume.Build;

/// <summary>SessionHistory: one line per archived session, newest first.</summary>
public sealed class PrintSessionHistory : SessionVerbTask
{
    protected override VerbResult RunVerb() => SessionVerbs.History(Session);
}
