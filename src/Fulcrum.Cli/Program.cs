using Fulcrum.Cli;

return FulcrumApp.Run(args);
