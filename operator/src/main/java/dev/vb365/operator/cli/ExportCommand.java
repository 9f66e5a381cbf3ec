package dev.vb365.operator.cli;

import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.veeam.Secret;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.export.ExportYaml;
import dev.vb365.operator.export.JobExporter;
import dev.vb365.operator.veeam.VeeamException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `export`: the jobs a VB365 server has, as BackupJob YAML that adopts them. */
@Command(name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Prints existing VB365 jobs as BackupJob YAML that adopts them.",
        "One document per job. Each BackupJob carries the job's id (spec.jobId), so applying it adopts the job "
            + "instead of creating a copy, and names objects by name (organization, repository, user, group, "
            + "site URL, team) where the name is unique, else by id. A job with a backup copy job is followed by a "
            + "BackupCopyJob that adopts it (spec.copyJobId). Only reads: nothing is changed in VB365.",
        ""},
    footer = {"",
        "Example:",
        "  java -jar vb365-operator.jar export --url https://vb365.example:4443 \\",
        "      --username backup-admin --password-file ./vb365-password \\",
        "      --ca-file ./vb365-ca.pem --namespace contoso --connection-secret vb365 \\",
        "      > backupjobs.yaml"})
final class ExportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "The VB365 REST API: scheme, host and port, e.g. https://vb365.example:4443.")
  String url;

  @Option(names = "--username", required = true, paramLabel = "USER", description = "VB365 user name.")
  String username;

  @Option(names = "--password-file", required = true, paramLabel = "FILE",
      description = "File holding the password (a trailing newline is ignored). Never given on the command line, "
          + "where other users and shell histories could see it.")
  Path passwordFile;

  @Option(names = "--ca-file", paramLabel = "FILE",
      description = "PEM certificate(s) of the CA that signed the server's certificate. Default: the JVM's trust store.")
  Path caFile;

  @Option(names = "--insecure-skip-tls-verify", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      paramLabel = "true|false", description = "Trust any server certificate. For tests only.")
  boolean insecureSkipTlsVerify;

  @Option(names = "--organization", paramLabel = "NAME",
      description = "Only the jobs of this organization (name or id). Default: every organization.")
  String organization;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "metadata.namespace of the BackupJobs. Default: none (kubectl apply -n NS decides).")
  String namespace;

  @Option(names = "--connection-secret", paramLabel = "NAME",
      description = "Secret in that namespace that the BackupJobs name as their connection (keys url, username, "
          + "password, ca.crt). Default: none, the operator's default connection.")
  String connectionSecret;

  @Option(names = "--deletion-policy", paramLabel = "Orphan|Delete", defaultValue = "Orphan",
      description = "spec.deletionPolicy of the BackupJobs: Orphan keeps the VB365 job when its BackupJob is deleted, "
          + "Delete removes it. Default: ${DEFAULT-VALUE}, so that adopting production jobs cannot delete them.")
  DeletionPolicy deletionPolicy;

  @Option(names = "--no-copy-jobs", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      paramLabel = "true|false", description = "Leave the jobs' backup copy jobs out (no BackupCopyJobs, and no "
          + "listing of copy jobs). Default: each job's copy job follows it as a BackupCopyJob.")
  boolean noCopyJobs;

  private final PrintStream out;

  ExportCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    // stdout is the YAML: it goes to kubectl apply or a file, so the log stays on stderr and says only what is wrong.
    LoggingSetup.apply("WARN", LoggingSetup.Format.TEXT);
    VeeamConnection connection = connection();
    JobExporter.Result result;
    VeeamClient client;
    try {
      client = VeeamClient.create(connection);
      result = new JobExporter(client, new JobExporter.Options(organization, namespace, connectionSecret,
          deletionPolicy, !noCopyJobs)).export();
    } catch (VeeamException e) {
      spec.commandLine().getErr().println("error: " + ServerProblems.describe(connection.baseUrl(), e));
      return Main.EXIT_FAILED;
    }
    out.print(ExportYaml.write(result, connection.baseUrl() + " (REST API " + client.apiVersion().segment() + ")"));
    out.flush();
    int skipped = result.skipped().size() + result.skippedCopies().size();
    spec.commandLine().getErr().println("Exported " + result.exported().size() + " job(s)"
        + (result.copyJobs() == 0 ? "" : " and " + result.copyJobs() + " backup copy job(s)")
        + (skipped == 0 ? "" : ", skipped " + skipped + " (see the comments)") + ".");
    return Main.EXIT_OK;
  }

  VeeamConnection connection() {
    String password = readFile(passwordFile, "--password-file").strip();
    if (password.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--password-file " + passwordFile + " is empty");
    }
    String urlProblem = VeeamConnection.urlProblem(url.trim(), "--username and --password-file");
    if (urlProblem != null) {
      throw new ParameterException(spec.commandLine(), "--url " + urlProblem + "; e.g. https://vb365.example:4443");
    }
    VeeamConnection connection;
    try {
      connection = VeeamConnection.of(url.trim(), username, Secret.of(password));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage());
    }
    if (caFile != null) {
      connection = connection.withCaBundle(readFile(caFile, "--ca-file"));
    }
    return connection.withInsecureSkipTlsVerify(insecureSkipTlsVerify);
  }

  private String readFile(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
          : String.valueOf(e.getMessage());
      throw new ParameterException(spec.commandLine(), "cannot read " + option + " " + file + ": " + why);
    }
  }
}
