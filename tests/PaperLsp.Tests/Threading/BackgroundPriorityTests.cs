using PaperLsp.Threading;

namespace PaperLsp.Tests.Threading;

[TestFixture]
public class BackgroundPriorityTests
{
    [Test]
    public async Task Work_run_apart_runs_at_the_lower_priority_and_the_caller_keeps_its_own()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("The priority is lowered on Linux only.");
        var before = BackgroundPriority.CurrentThreadNiceness();
        int? seen = null;
        await BackgroundPriority.Run(() => { seen = BackgroundPriority.CurrentThreadNiceness(); });
        var value = await BackgroundPriority.Run(() => BackgroundPriority.CurrentThreadNiceness());
        Assert.Multiple(() =>
        {
            // Nice values add up to 19 at most; a test runner already niced keeps a higher value than ours.
            Assert.That(seen, Is.EqualTo(Math.Min(19, Math.Max(before!.Value, BackgroundPriority.Niceness))));
            Assert.That(value, Is.EqualTo(seen));
            Assert.That(BackgroundPriority.CurrentThreadNiceness(), Is.EqualTo(before), "the caller's thread must not be lowered");
        });
    }

    [Test]
    public async Task A_thread_pool_thread_is_never_lowered()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("The priority is lowered on Linux only.");
        var processNice = BackgroundPriority.CurrentThreadNiceness();
        await BackgroundPriority.Run(() => { });
        // The pool's threads serve requests; the work ran on a thread of its own, so none of them carries the lower value.
        var pool = await Task.Run(() => BackgroundPriority.CurrentThreadNiceness());
        Assert.That(pool, Is.EqualTo(processNice));
    }
}
