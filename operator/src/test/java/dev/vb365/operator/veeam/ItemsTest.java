package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.FakeVeeam.noContent;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.model.ItemType;
import dev.vb365.operator.veeam.model.JobItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(LeakGuard.class)
class ItemsTest {

    /** One RESTJobItemComposed of every type, as v8 returns them. */
    static final List<String> V8_ITEMS = List.of(
            """
            {"type":"User","id":"item-user","user":{"id":"u1","eTag":3,"displayName":"Alice","name":"alice@contoso.com",
             "type":"User","locationType":"Cloud","office":"HQ"},"mailbox":true,"oneDrive":true,"archiveMailbox":false,
             "personalSite":true,"_links":{"self":{"href":"x"}}}""",
            """
            {"type":"Group","id":"item-group","group":{"id":"g1","displayName":"Finance","name":"finance@contoso.com",
             "type":"Office365","locationType":"Cloud","managedBy":"Bob","site":"https://contoso.sharepoint.com/sites/finance"},
             "members":true,"memberMailbox":true,"memberArchiveMailbox":false,"memberOnedrive":true,"memberSite":false,
             "mailbox":true,"groupSite":true}""",
            """
            {"type":"Site","id":"item-site","site":{"id":"s1","url":"https://contoso.sharepoint.com/sites/intranet",
             "parentUrl":"https://contoso.sharepoint.com","name":"Intranet","title":"Intranet","isCloud":true,"isPersonal":false}}""",
            """
            {"type":"Team","id":"item-team","team":{"id":"448c5b66-8dcd-4c75-b636-d3b500bce36f","displayName":"IT",
             "mail":"it@contoso.com","description":"IT"},"teamsChats":false}""",
            """
            {"type":"PartialOrganization","id":"item-org","mailbox":true,"oneDrive":false,"archiveMailbox":true,
             "sites":true,"teams":true,"teamsChats":false}""",
            """
            {"type":"PersonalSites","id":"item-personal"}""",
            """
            {"type":"OneDriveFolders","id":"item-folders","folders":["Documents","Desktop"]}""");

    VeeamTestServer vb;

    @AfterEach
    void stop() {
        if (vb != null) {
            vb.close();
        }
    }

    @Test
    void listsEveryPageOfItemsAndReadsEveryType() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String path = "/v8/Jobs/" + jobId(1) + "/SelectedItems";
        vb.fake.on("GET", path, r -> {
            int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
            int limit = Integer.parseInt(r.getUrl().queryParameter("limit"));
            return json(200, JobFixtures.page(offset, limit, null,
                    V8_ITEMS.subList(offset, Math.min(V8_ITEMS.size(), offset + limit))));
        });

        List<JobItem> items = vb.client(vb.options().withPageSize(3)).listItems(jobId(1), ItemScope.SELECTED);

        assertThat(vb.fake.requests("GET", path)).extracting(r -> r.getUrl().queryParameter("offset"))
                .containsExactly("0", "3", "6");
        assertThat(items).extracting(JobItem::type).containsExactly(ItemType.USER, ItemType.GROUP, ItemType.SITE,
                ItemType.TEAM, ItemType.PARTIAL_ORGANIZATION, ItemType.PERSONAL_SITES, ItemType.ONE_DRIVE_FOLDERS);
        JobItem user = items.get(0);
        assertThat(user.id()).isEqualTo("item-user");
        assertThat(user.user().name()).isEqualTo("alice@contoso.com");
        assertThat(user.referenceId()).isEqualTo("u1");
        assertThat(List.of(user.mailbox(), user.oneDrive(), user.archiveMailbox(), user.personalSite()))
                .containsExactly(true, true, false, true);
        JobItem group = items.get(1);
        assertThat(group.group().displayName()).isEqualTo("Finance");
        assertThat(List.of(group.members(), group.memberMailbox(), group.memberArchiveMailbox(), group.memberOneDrive(),
                group.memberSite(), group.mailbox(), group.groupSite()))
                .containsExactly(true, true, false, true, false, true, true);
        assertThat(items.get(2).site().url()).isEqualTo("https://contoso.sharepoint.com/sites/intranet");
        assertThat(items.get(3).team().displayName()).isEqualTo("IT");
        assertThat(items.get(3).teamsChats()).isFalse();
        JobItem org = items.get(4);
        assertThat(List.of(org.mailbox(), org.oneDrive(), org.archiveMailbox(), org.sites(), org.teams(),
                org.teamsChats())).containsExactly(true, false, true, true, true, false);
        assertThat(items.get(6).folders()).containsExactly("Documents", "Desktop");
    }

    @Test
    void v6ItemListsAreArraysAndTheTeamOptionIsChats() {
        vb = VeeamTestServer.start(ApiVersion.V6);
        vb.fake.onJson("GET", "/v6/Jobs/" + jobId(1) + "/ExcludedItems", 200, """
                [{"type":"Team","id":"t","team":{"id":"448c5b66-8dcd-4c75-b636-d3b500bce36f","displayName":"IT","mail":"it@x"},
                  "chats":true}]""");

        List<JobItem> items = vb.client().listItems(jobId(1), ItemScope.EXCLUDED);

        assertThat(items).singleElement().satisfies(i -> assertThat(i.teamsChats()).isTrue());
        assertThat(vb.fake.requests("GET", "/v6/Jobs/" + jobId(1) + "/ExcludedItems").get(0).getUrl().query()).isNull();
    }

    @Test
    void addsItemsAsOneArray() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String path = "/v8/Jobs/" + jobId(1) + "/ExcludedItems";
        vb.fake.on("POST", path, r -> noContent());

        vb.client().addItems(jobId(1), ItemScope.EXCLUDED, List.of(JobItem.user(JobsTest.ALICE, true, false, true, false),
                JobItem.personalSites(), JobItem.partialOrganization(true, false, true, false, true, true)), true);

        RecordedRequest post = vb.fake.requests("POST", path).get(0);
        assertThat(post.getUrl().queryParameter("skipItemUpdate")).isEqualTo("true");
        assertThat(Json.body(post)).isEqualTo(Json.tree("""
                [{"type":"User","user":{"id":"%s","name":"alice@contoso.com","displayName":"Alice","type":"User",
                  "locationType":"Cloud"},"mailbox":true,"archiveMailbox":false,"oneDrive":true,"personalSite":false},
                 {"type":"PersonalSites"},
                 {"type":"PartialOrganization","mailbox":true,"archiveMailbox":false,"oneDrive":true,"sites":false,
                  "teams":true,"teamsChats":true}]
                """.formatted(JobsTest.ALICE.id())));
    }

    @Test
    void removesItemsByIdsInBatchesThatFitAUrl() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String path = "/v8/Jobs/" + jobId(1) + "/SelectedItems";
        vb.fake.on("DELETE", path, r -> noContent());
        // item ids are two UUIDs long (about 73 characters)
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> jobId(i) + jobId(1000 + i)).toList();

        vb.client().removeItems(jobId(1), ItemScope.SELECTED, ids);
        vb.client().removeItems(jobId(1), ItemScope.SELECTED, List.of());

        List<RecordedRequest> deletes = vb.fake.requests("DELETE", path);
        assertThat(deletes).hasSize(2);
        List<String> sent = new ArrayList<>();
        for (RecordedRequest delete : deletes) {
            String joined = delete.getUrl().queryParameter("ids");
            assertThat(joined.length()).isLessThanOrEqualTo(1500);
            sent.addAll(Arrays.asList(joined.split(",")));
        }
        assertThat(sent).isEqualTo(ids);
    }

    @ParameterizedTest
    @EnumSource(ItemScope.class)
    void editsAndReadsOneItem(ItemScope scope) {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String path = "/v8/Jobs/" + jobId(1) + "/" + (scope == ItemScope.SELECTED ? "SelectedItems" : "ExcludedItems")
                + "/item-user";
        vb.fake.on("PUT", path, r -> noContent());
        vb.fake.onJson("GET", path, 200, V8_ITEMS.get(0));
        VeeamClient client = vb.client();

        JobItem item = client.getItem(jobId(1), scope, "item-user");
        client.editItem(jobId(1), scope, JobItem.user(item.user(), false, false, true, true).withId(item.id()));

        RecordedRequest put = vb.fake.requests("PUT", path).get(0);
        assertThat(put.getUrl().query()).isNull();
        assertThat(Json.body(put)).isEqualTo(Json.tree("""
                {"type":"User","id":"item-user","user":{"id":"u1","name":"alice@contoso.com","displayName":"Alice",
                 "type":"User","locationType":"Cloud"},"mailbox":false,"archiveMailbox":false,"oneDrive":true,"personalSite":true}
                """));
    }
}
