using FsCheck;
using FsCheck.Fluent;

namespace PaperLsp.Tests;

/// <summary>
/// Random edit scripts over a workspace of 2 or 3 files, for the properties that an index kept edit by edit equals one
/// built fresh: the step generator is the test's own; this picks the file count, keeps each step on an existing file,
/// shrinks by dropping steps, and reports a failing script with the difference the replay found.
/// </summary>
internal static class MultiFileScripts
{
    public static Arbitrary<(int Files, TStep[] Steps)> Of<TStep>(Gen<TStep> step, int maxSteps, Func<TStep, int, TStep> withinFiles)
    {
        var gen = from files in Gen.Choose(2, 3)
                  from count in Gen.Choose(1, maxSteps)
                  from steps in step.ArrayOf(count)
                  select (files, steps.Select(s => withinFiles(s, files)).ToArray());
        static IEnumerable<(int, TStep[])> Shrink((int Files, TStep[] Steps) script) =>
            Enumerable.Range(0, script.Steps.Length).Where(_ => script.Steps.Length > 1)
                .Select(i => (script.Files, script.Steps.Where((_, j) => j != i).ToArray()));
        return Arb.From(gen, Shrink);
    }

    /// <summary>Checks that <paramref name="replay"/> finds no difference (null) for any script, with a fixed seed.</summary>
    public static void Hold<TStep>(Arbitrary<(int Files, TStep[] Steps)> scripts, int cases, ulong seed, Func<int, TStep[], string?> replay)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithReplay(seed, 0x9E3779B97F4A7C15UL | 1);
        Check.One(config, Prop.ForAll(scripts, script =>
        {
            if (replay(script.Files, script.Steps) is { } difference)
                throw new AssertionException($"{difference}\nscript: {string.Join(" ; ", script.Steps.Select(s => s?.ToString()))}");
            return true;
        }));
    }
}
