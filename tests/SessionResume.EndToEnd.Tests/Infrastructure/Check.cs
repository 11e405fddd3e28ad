using System.Runtime.CompilerServices;

namespace SessionResume.Tests.Infrastructure;

/// <summary>Assert.True/False that also show the condition's source text above the context.</summary>
public static class Check
{
    public static void That(bool condition, string context, [CallerArgumentExpression(nameof(condition))] string expression = "")
    {
        if (!condition)
            Assert.Fail($"Expected: {expression}\n{context}");
    }

    public static void Not(bool condition, string context, [CallerArgumentExpression(nameof(condition))] string expression = "")
    {
        if (condition)
            Assert.Fail($"Expected false: {expression}\n{context}");
    }
}
