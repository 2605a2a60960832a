using System.Globalization;
using Microsoft.Diagnostics.Tracing;

// What a process allocated, by type, from the runtime's own sampling (one GCAllocationTick event about every 100 KB),
// with its collections and their pauses, in a window of the trace. Take the trace with the runtime's EventPipe
// environment (docs/performance.md, "tenth pass"):
//   DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath='/tmp/tr-{pid}.nettrace' \
//   DOTNET_EventPipeConfig='Microsoft-Windows-DotNETRuntime:0x1:5' <command>
// then: dotnet bench/PaperLsp.AllocTicks/bin/Release/net10.0/PaperLsp.AllocTicks.dll /tmp/tr-PID.nettrace [from-ms to-ms]
// The per-second line finds the phases (an open, the background builds, typing) to choose the window from.
if (args.Length is not (1 or 3))
{
    Console.Error.WriteLine("usage: PaperLsp.AllocTicks TRACE.nettrace [from-ms to-ms]");
    return 2;
}
if (!File.Exists(args[0]))
{
    Console.Error.WriteLine($"no such trace: {args[0]}");
    return 2;
}
var from = args.Length == 3 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0;
var to = args.Length == 3 ? double.Parse(args[2], CultureInfo.InvariantCulture) : double.MaxValue;
bool Inside(double ms) => ms >= from && ms <= to;

var byType = new Dictionary<string, long>(StringComparer.Ordinal);
var perSecond = new SortedDictionary<int, long>();
var collections = new List<(double At, int Generation)>();
long allocated = 0;
double pause = 0, suspendedAt = -1, end = 0;
using (var source = new EventPipeEventSource(args[0]))
{
    source.Clr.GCAllocationTick += e =>
    {
        var second = (int)(e.TimeStampRelativeMSec / 1000);
        perSecond[second] = perSecond.GetValueOrDefault(second) + e.AllocationAmount64;
        if (!Inside(e.TimeStampRelativeMSec)) return;
        var type = e.TypeName ?? "(unknown)";
        byType[type] = byType.GetValueOrDefault(type) + e.AllocationAmount64;
        allocated += e.AllocationAmount64;
    };
    source.Clr.GCStart += e =>
    {
        if (Inside(e.TimeStampRelativeMSec)) collections.Add((e.TimeStampRelativeMSec, e.Depth));
    };
    // A pause runs from suspending the runtime to restarting it.
    source.Clr.GCSuspendEEStart += e => suspendedAt = e.TimeStampRelativeMSec;
    source.Clr.GCRestartEEStop += e =>
    {
        if (suspendedAt >= 0 && Inside(e.TimeStampRelativeMSec)) pause += e.TimeStampRelativeMSec - suspendedAt;
        suspendedAt = -1;
    };
    source.AllEvents += e => end = Math.Max(end, e.TimeStampRelativeMSec);
    source.Process();
}

var c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"trace {end:F0} ms; window {from:F0}-{Math.Min(to, end):F0} ms: about {allocated / 1e6:F1} MB allocated, {collections.Count} collections, {pause:F0} ms paused"));
Console.WriteLine("allocated per second of the trace (s:MB): " + string.Join(" ", perSecond.Select(p => string.Create(c, $"{p.Key}:{p.Value / 1e6:F0}"))));
foreach (var (type, bytes) in byType.OrderByDescending(pair => pair.Value).Take(25))
    Console.WriteLine(string.Create(c, $"{bytes / 1e6,8:F1} MB  {type}"));
Console.WriteLine("collections (ms/generation): " + string.Join(" ", collections.Select(g => string.Create(c, $"{g.At:F0}/{g.Generation}"))));
return 0;
