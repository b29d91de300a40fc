using System.Runtime.InteropServices;
using GanAugment.Cli;

// NOTE: the first Ctrl+C or SIGTERM (kill, timeout, a scheduler stopping the job) asks the running
// command to stop (training leaves a valid checkpoint and exits with 130); a second one, while it
// is winding down, ends the process at once.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
});
return GanaugCli.Run(args, CliContext.ForConsole(cancel.Token));
