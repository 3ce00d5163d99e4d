package io.cmeautopilot.accounts.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.cmeautopilot.common.Problem;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;

@Path("/api/accounts/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.INTEGRATION })
public class AccountCsvImportResource {

    static final String TEXT_CSV = "text/csv";

    @Inject
    AccountCsvImportService service;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import accounts from a CSV file (part 'file', optional JSON part 'mapping'), all or"
            + " nothing; mode=validate checks every row and writes nothing")
    public ImportReport importForm(@QueryParam("mode") @DefaultValue("apply") String mode,
            @RestForm("file") FileUpload file, @RestForm("mapping") String mapping) {
        ImportMode importMode = ImportMode.parse(mode);
        if (file == null) {
            throw ProblemException.invalidField("file", "is required: send the CSV as a file part named 'file'");
        }
        // Quarkus has already spooled the part to a temporary file: reading it streams from disk.
        try (InputStream csv = Files.newInputStream(file.uploadedFile())) {
            return service.importCsv(csv, mapping, importMode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Consumes(TEXT_CSV)
    @Operation(summary = "Import accounts from a text/csv body, the mapping as URL-encoded JSON in 'mapping',"
            + " all or nothing; mode=validate checks every row and writes nothing")
    public ImportReport importBody(@QueryParam("mode") @DefaultValue("apply") String mode,
            @QueryParam("mapping") String mapping, InputStream csv) {
        return service.importCsv(csv, mapping, ImportMode.parse(mode));
    }

    /** The report travels inside the problem document, so a client reads the errors from one place. */
    @ServerExceptionMapper
    Response rejected(ImportRejectedException e, UriInfo uri) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(e.body("/" + uri.getPath().replaceFirst("^/", ""))).build();
    }
}
