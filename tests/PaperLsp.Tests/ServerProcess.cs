using System.Diagnostics;

namespace PaperLsp.Tests;

/// <summary>Runs the built <c>paperlsp</c> executable (paperlsp.dll next to the test assembly) as a real process.</summary>
internal static class ServerProcess
{
    public static string DllPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "paperlsp.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    /// <summary>Runs the CLI to completion with no standard input; fails the test if it takes over two minutes.</summary>
    public static Result Run(params string[] args) => Run(StartInfo(args), TimeSpan.FromMinutes(2));

    /// <summary>Runs any process to completion with no standard input, capturing its output; fails the test on timeout.</summary>
    public static Result Run(ProcessStartInfo info, TimeSpan timeout)
    {
        info.RedirectStandardInput = info.RedirectStandardOutput = info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish in {timeout.TotalSeconds:0} s:\n{stdout.Result}\n{stderr.Result}");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
