package dev.vb365.simulator.testsupport;

/**
 * Ids of the simulator's built-in fixture (simulator/src/main/resources/default-fixture.json). They are
 * stable: tests and examples may rely on them. A test in the simulator checks they match the fixture.
 */
public final class DefaultFixture {
  public static final String CONTOSO = "23387270-b482-57cd-a3cd-9ba19e935a1b";
  public static final String CONTOSO_NAME = "contoso.onmicrosoft.com";
  public static final String FABRIKAM = "7620729f-726d-5783-a235-7ed59c1c6cc4";
  public static final String FABRIKAM_NAME = "fabrikam.onmicrosoft.com";

  public static final String ALICE = "08ed8d67-2f4c-52e8-ab44-a269d945e88000000000-0000-0000-0000-000000000000";
  public static final String BOB = "fee43413-1e95-55cf-aad4-78ec7dfa119a00000000-0000-0000-0000-000000000000";
  public static final String INTERN = "1e7da38e-1588-5d6a-88a9-10f1bdc178d300000000-0000-0000-0000-000000000000";
  public static final String USER001 = "c910189a-d69b-51fe-ad32-447d0235c41200000000-0000-0000-0000-000000000000";
  /** Licensed users (SPE_E3, SPE_E5, ENTERPRISEPACK + EMS) in the Seattle and London offices; Ivo has no licence. */
  public static final String GRACE = "5cbaae36-0d66-52d9-9528-aef00e770b4800000000-0000-0000-0000-000000000000";
  public static final String HEIDI = "a500cbd9-01b7-5f34-ae15-aba83ca49ed200000000-0000-0000-0000-000000000000";
  public static final String IVO = "a066a37c-b2ac-5c84-9241-a3f8a0d8e2cd00000000-0000-0000-0000-000000000000";
  public static final String JUDY = "01c16fc5-4292-5422-a94d-1cbd437b2ff700000000-0000-0000-0000-000000000000";
  /** Shared mailboxes (type Shared): info and reception unlicensed, support with EXCHANGEENTERPRISE. */
  public static final String INFO_SHARED = "5f741b93-9d87-5b0a-a1c2-aa44b17d7a8c00000000-0000-0000-0000-000000000000";
  public static final String RECEPTION_SHARED =
      "1408d9a1-7ee1-51e3-90a8-52811f5d7b1300000000-0000-0000-0000-000000000000";
  public static final String SUPPORT_SHARED =
      "3ffa1658-16ce-5b54-adbd-9782072156b400000000-0000-0000-0000-000000000000";
  /** The public folder mailbox (type Public). */
  public static final String PUBLIC_FOLDERS = "275faa6a-b208-5039-a798-173e67a8c67800000000-0000-0000-0000-000000000000";
  /** A fabrikam user: not usable in contoso jobs. */
  public static final String CAROL = "7fd674f4-813a-5337-b190-8b3ef63fc55e00000000-0000-0000-0000-000000000000";

  public static final String FINANCE_GROUP = "b15be13d-2d9d-508c-83eb-fd0e5213d8fc00000000-0000-0000-0000-000000000000";
  public static final String HR_GROUP = "75f9651a-072c-5095-abdc-09c90cb19fb000000000-0000-0000-0000-000000000000";
  public static final String PROJECTS_GROUP = "6e66fa27-5988-5717-9e55-8b40f86ca6e200000000-0000-0000-0000-000000000000";
  /** Distribution, Security and DynamicDistribution groups. */
  public static final String ALL_STAFF_GROUP = "cbc90d86-da88-549f-8145-1506e6e57d9d00000000-0000-0000-0000-000000000000";
  public static final String IT_ADMINS_GROUP = "8d8b63d3-7aed-5598-bca7-274c9a305c3600000000-0000-0000-0000-000000000000";
  public static final String LONDON_GROUP = "b78aa8cc-c3a2-57c9-a7a4-65ef6ed231cf00000000-0000-0000-0000-000000000000";
  public static final String FINANCE_SITE = "4882886a-07ab-576a-8dff-0758fc61b50497209eea-45de-5e02-8d46-2bbf76cd90de";
  public static final String HR_SITE = "3d7198f1-bc6c-5df9-86ef-a81a8e08a6e921fd00d6-85a1-5bb3-a7e1-b97626b6d9a5";
  public static final String ALICE_PERSONAL_SITE =
      "498c8520-3110-5dc5-9371-1b2c7198a00efaf7bb41-60f4-519c-b97a-8cbaf38f2ddc";
  public static final String PROJECTS_SITE =
      "fdb2bb8b-995b-5cea-b5d6-e1c8d00ce8ba1fe96f65-dc97-5e9a-916e-3b2e46d16bae";
  public static final String INTRANET_SITE =
      "3ffca113-c8ba-5cb8-b017-765e6bbe0d670c75ba79-0da3-5a1a-8ac7-bf9bd273ec60";
  public static final String GRACE_PERSONAL_SITE =
      "eb627732-91a6-5bf1-88c8-5996b431899fad786448-b7cc-52b7-9906-f37cf190cf47";
  public static final String HEIDI_PERSONAL_SITE =
      "5128d044-4357-571b-9be7-c467667fcf338bd078f3-cd0c-56ae-81f1-b650a0ff6aaa";
  /** The id of the "IT&Finance" team of the documentation's item example (veeam-docs page 000, example 5). */
  public static final String IT_FINANCE_TEAM = "448c5b66-8dcd-4c75-b636-d3b500bce36f";
  public static final String SALES_TEAM = "8e81134d-8cd7-5e13-93d5-b811c9f285b9";
  public static final String PROJECTS_TEAM = "29fb7ed4-5d16-539d-8fe7-b26e21f91cce";
  public static final String SUPPORT_DESK_TEAM = "3c9048a9-4866-54d7-a8bc-6e0f89eaec3d";

  public static final String DEFAULT_REPOSITORY = "1ca282ed-d685-5125-a482-10aea47d1918";
  public static final String LONG_TERM_REPOSITORY = "b2f7a5c6-fcf6-578d-9f17-b258c80a8677";
  /** "Archive Repository": an object storage repository with an archive tier (isLongTerm), for backup copy jobs. */
  public static final String ARCHIVE_REPOSITORY = "9b8ad165-7e4b-5b46-aa74-7cf1339b2bac";
  public static final String PROXY = "d6471d15-f379-5b71-b002-3ab327e5ba87";

  /** Type identifiers that start job item ids (RESTJobItemComposed.id = prefix + object id). */
  public static final String USER_ITEM_PREFIX = "2b38d840-8098-4614-b369-ebce33f9b2c7";
  public static final String GROUP_ITEM_PREFIX = "9592732d-22d8-426a-8167-d9635158e945";
  public static final String SITE_ITEM_PREFIX = "e1fa728c-4150-4724-ab3b-5deda33db0cf";
  public static final String ORGANIZATION_ITEM_PREFIX = "c37da450-6c4b-48c4-87e2-cc557ef5d897";
  public static final String PERSONAL_SITES_ITEM_PREFIX = "9a01bcb3-d2de-4271-96bb-95611ddc70b3";
  public static final String ONEDRIVE_FOLDERS_ITEM_PREFIX = "7f07820e-9e77-4beb-92a3-b31f30bc192c";
  public static final String TEAM_ITEM_PREFIX = "7b985334-bc0e-4791-b30c-d03a1fecc840";

  private DefaultFixture() {
  }
}
