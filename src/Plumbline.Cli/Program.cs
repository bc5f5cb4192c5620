using Plumbline.Cli;

return CliApp.Run(args, CliConsole.FromSystem());
