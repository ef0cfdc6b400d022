// Setup guides for the Connect page: the exact menus of each identity provider and the attribute
// mappings Muster reads (lib/provisioning/user-columns.ts). Server components; no state.
import Link from "next/link";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

type GuideProps = { tenantUrl: string; tokensHref: string };

/** A label exactly as the IdP's console shows it. */
const Ui = ({ children }: { children: ReactNode }) => <strong className="font-semibold text-slate-900">{children}</strong>;

const C = ({ children }: { children: ReactNode }) => <code className="rounded [overflow-wrap:anywhere] bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{children}</code>;

const Steps = ({ children }: { children: ReactNode }) => <ol className="space-y-4">{children}</ol>;

const Step = ({ n, title, children }: { n: number; title: string; children: ReactNode }) => (
  <li className="flex gap-4">
    <span aria-hidden className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 ring-1 ring-brand-100">
      {n}
    </span>
    <div className="min-w-0 flex-1 pt-0.5">
      <h3 className="text-sm font-semibold text-slate-900">
        <span className="sr-only">Step {n}: </span>
        {title}
      </h3>
      <div className="mt-1 space-y-2 text-sm leading-6 text-slate-600">{children}</div>
    </div>
  </li>
);

const Tip = ({ title, children }: { title: string; children: ReactNode }) => (
  <aside className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-700">
    <p className="font-semibold text-brand-700">{title}</p>
    <div className="mt-1 space-y-1 leading-6">{children}</div>
  </aside>
);

const CopyLine = ({ value, label }: { value: string; label: string }) => (
  <div className="flex items-center gap-2">
    <code className="block min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-3 py-1.5 font-mono text-xs" title={value}>
      {value}
    </code>
    <CopyButton value={value} label={label} />
  </div>
);

type Row = [target: ReactNode, source: ReactNode, note?: ReactNode];

const Mapping = ({ caption, head, rows }: { caption: string; head: [string, string, string]; rows: Row[] }) => (
  <div className="overflow-x-auto rounded-lg border border-slate-200">
    <table className="min-w-full divide-y divide-slate-200 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-50">
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {rows.map(([target, source, note], i) => (
          <tr key={i}>
            <td className="w-2/5 px-3 py-2 align-top">{target}</td>
            <td className="px-3 py-2 align-top">{source}</td>
            <td className="px-3 py-2 align-top text-slate-600">{note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** Where the last step of a roles guide points: Settings → Roles from your identity provider. */
const settingsHrefOf = (tokensHref: string) => tokensHref.replace(/\/tokens$/, "/settings");

const RolesSettingsLink = ({ tokensHref }: { tokensHref: string }) => (
  <Link href={settingsHrefOf(tokensHref)} className="font-medium text-brand-700 hover:underline">
    Settings → Roles from your identity provider
  </Link>
);

const TokenStep = ({ tokensHref }: { tokensHref: string }) => (
  <>
    <Link href={tokensHref} className="font-medium text-brand-700 hover:underline">
      Generate a SCIM token
    </Link>{" "}
    on the SCIM tokens page (name it after this IdP) and copy it: it is shown only once.
  </>
);

export const EntraGuide = ({ tenantUrl, tokensHref }: GuideProps) => (
  <div className="space-y-6">
    <Steps>
      <Step n={1} title="Create a non-gallery enterprise application">
        <p>
          In the Microsoft Entra admin center, go to <Ui>Identity → Applications → Enterprise applications</Ui> and click <Ui>New application</Ui>. Click{" "}
          <Ui>Create your own application</Ui>, name it “Muster”, choose <Ui>Integrate any other application you don’t find in the gallery (Non-gallery)</Ui> and click{" "}
          <Ui>Create</Ui>.
        </p>
      </Step>
      <Step n={2} title="Turn on automatic provisioning">
        <p>
          In the new application, open <Ui>Provisioning</Ui> (<Ui>Get started</Ui> or <Ui>Connect your application</Ui>) and set <Ui>Provisioning Mode</Ui> to{" "}
          <Ui>Automatic</Ui>.
        </p>
      </Step>
      <Step n={3} title="Enter the Admin Credentials and test them">
        <p>
          <TokenStep tokensHref={tokensHref} /> Under <Ui>Admin Credentials</Ui>, paste:
        </p>
        <dl className="grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-[8rem_minmax(0,1fr)] sm:items-center">
          <dt className="font-medium text-slate-800">Tenant URL</dt>
          <dd>
            <CopyLine value={tenantUrl} label="Copy URL" />
          </dd>
          <dt className="font-medium text-slate-800">Secret Token</dt>
          <dd>
            the token, starting with <C>mst_</C>
          </dd>
        </dl>
        <p>
          Click <Ui>Test Connection</Ui>, then <Ui>Save</Ui>. Entra ID looks up a random user; the request appears under “Last request received” above.
        </p>
      </Step>
      <Step n={4} title="Check the attribute mappings">
        <p>
          Open <Ui>Mappings → Provision Microsoft Entra ID Users</Ui>. Muster reads these attributes (the defaults already cover most of them; attributes Muster does not use
          are stored and returned, never refused):
        </p>
        <Mapping
          caption="Entra ID attribute mappings for Muster"
          head={["customappsso attribute (Muster)", "Microsoft Entra ID attribute", "What Muster does with it"]}
          rows={[
            [<C key="t">userName</C>, <C key="s">userPrincipalName</C>, "Matching attribute (precedence 1); the employee’s identity"],
            [
              <C key="t">active</C>,
              <C key="s">Switch([IsSoftDeleted], , &quot;False&quot;, &quot;True&quot;, &quot;True&quot;, &quot;False&quot;)</C>,
              "False archives the employee (history kept); True restores them",
            ],
            [<C key="t">displayName</C>, <C key="s">displayName</C>, "Name in the directory"],
            [<C key="t">title</C>, <C key="s">jobTitle</C>, "Job title"],
            [<C key="t">emails[type eq &quot;work&quot;].value</C>, <C key="s">mail</C>, "Work email; links an employee you added by hand with the same email"],
            [<C key="t">name.givenName</C>, <C key="s">givenName</C>, "First name"],
            [<C key="t">name.familyName</C>, <C key="s">surname</C>, "Last name"],
            [<C key="t">phoneNumbers[type eq &quot;mobile&quot;].value</C>, <C key="s">mobile</C>, "Mobile phone"],
            [<C key="t">addresses[type eq &quot;work&quot;].locality</C>, <C key="s">city</C>, "Used as the location when no location attribute is sent"],
            [<C key="t">{ENTERPRISE}:department</C>, <C key="s">department</C>, "Department (when “Apply department” is on)"],
            [<C key="t">{ENTERPRISE}:manager</C>, <C key="s">manager</C>, "Reporting line: Entra ID sends the manager’s Muster id (when “Apply manager” is on)"],
            [<C key="t">{ENTERPRISE}:location</C>, <C key="s">physicalDeliveryOfficeName</C>, "Office location (when “Apply location” is on) — add it in step 5"],
          ]}
        />
      </Step>
      <Step n={5} title="Add the location attribute">
        <p>
          Entra ID does not list <C>location</C> by default. On the <Ui>Attribute Mapping</Ui> page, tick <Ui>Show advanced options</Ui> and click{" "}
          <Ui>Edit attribute list for customappsso</Ui>. In the empty row at the bottom, add
        </p>
        <CopyLine value={`${ENTERPRISE}:location`} label="Copy name" />
        <p>
          with <Ui>Type</Ui> <C>String</C>, and click <Ui>Save</Ui>. Back on <Ui>Attribute Mapping</Ui>, click <Ui>Add New Mapping</Ui>: <Ui>Mapping type</Ui> Direct,{" "}
          <Ui>Source attribute</Ui> <C>physicalDeliveryOfficeName</C> (or <C>city</C>), <Ui>Target attribute</Ui> the location attribute you just added. Click{" "}
          <Ui>Ok</Ui>, then <Ui>Save</Ui>.
        </p>
      </Step>
      <Step n={6} title="Send app roles (optional)">
        <p>
          To give employees Muster roles from Entra ID, define one app role per Muster role: under <Ui>App registrations → All applications</Ui>, open the app named “Muster”,
          then <Ui>App roles → Create app role</Ui> (or add it to <C>appRoles</C> in the <Ui>Manifest</Ui>). Set its <Ui>Value</Ui> to the Muster role’s name or key, e.g.{" "}
          <C>Sales Lead</C>, and <Ui>Allowed member types</Ui> to Users/Groups. When you assign people or groups in step 7, pick their role.
        </p>
        <p>
          On <Ui>Attribute Mapping</Ui>, click <Ui>Add New Mapping</Ui>: <Ui>Mapping type</Ui> Expression, <Ui>Expression</Ui>
        </p>
        <CopyLine value="AppRoleAssignmentsComplex([appRoleAssignments])" label="Copy expression" />
        <p>
          and <Ui>Target attribute</Ui> <C>roles</C> (every role a person holds; under <Ui>Show advanced options → Edit attribute list for customappsso</Ui>, give{" "}
          <C>roles</C> the type String and tick <Ui>Multi-Value?</Ui>). For a single role, <C>SingleAppRoleAssignment([appRoleAssignments])</C> with the target{" "}
          <C>roles[primary eq &quot;True&quot;].value</C> works too. Then turn on <Ui>Import users to custom roles</Ui> in <RolesSettingsLink tokensHref={tokensHref} />; Entra
          groups can also give roles there through group rules.
        </p>
      </Step>
      <Step n={7} title="Choose who is provisioned and start">
        <p>
          Under <Ui>Settings</Ui>, set <Ui>Scope</Ui> to <Ui>Sync only assigned users and groups</Ui>, and assign people or groups under <Ui>Users and groups → Add user/group</Ui>.
          Groups are provisioned too (<Ui>Provision Microsoft Entra ID Groups</Ui>). Then set <Ui>Provisioning Status</Ui> to <Ui>On</Ui> and click <Ui>Save</Ui> (or{" "}
          <Ui>Start provisioning</Ui>). The first cycle starts within minutes; later cycles run about every 40 minutes.
        </p>
      </Step>
      <Step n={8} title="Try one person right away">
        <p>
          <Ui>Provision on demand</Ui> sends a single user immediately instead of waiting for the next cycle: pick someone, click <Ui>Provision</Ui>, and watch them appear in
          Muster’s Employees and Provisioning log.
        </p>
      </Step>
    </Steps>
    <Tip title="Tip: ?aadOptscim062020">
      <p>
        Entra ID speaks two PATCH dialects. Adding <C>?aadOptscim062020</C> to the end of the Tenant URL switches on the newer, more standard one (real booleans, lower-case
        operations). Muster understands both, so you can use the Tenant URL with or without it.
      </p>
    </Tip>
  </div>
);

export const OktaGuide = ({ tenantUrl, tokensHref }: GuideProps) => (
  <div className="space-y-6">
    <Steps>
      <Step n={1} title="Create an app integration">
        <p>
          In the Okta Admin Console, go to <Ui>Applications → Applications</Ui> and click <Ui>Create App Integration</Ui>. Choose <Ui>SAML 2.0</Ui> (or <Ui>SWA</Ui>), click{" "}
          <Ui>Next</Ui>, name it “Muster” and finish the App Integration Wizard. Provisioning does not use the SAML settings; the wizard requires them, so enter your Muster
          address there.
        </p>
      </Step>
      <Step n={2} title="Enable SCIM provisioning">
        <p>
          On the app’s <Ui>General</Ui> tab, click <Ui>Edit</Ui> under <Ui>App Settings</Ui>, set <Ui>Provisioning</Ui> to <Ui>SCIM</Ui> and click <Ui>Save</Ui>. A{" "}
          <Ui>Provisioning</Ui> tab appears.
        </p>
      </Step>
      <Step n={3} title="Configure the SCIM connection">
        <p>
          <TokenStep tokensHref={tokensHref} /> Then, on <Ui>Provisioning → Integration</Ui>, click <Ui>Edit</Ui> and fill in:
        </p>
        <dl className="grid grid-cols-[minmax(0,1fr)] gap-x-4 gap-y-2 sm:grid-cols-[15rem_minmax(0,1fr)] sm:items-center">
          <dt className="font-medium text-slate-800">SCIM connector base URL</dt>
          <dd>
            <CopyLine value={tenantUrl} label="Copy URL" />
          </dd>
          <dt className="font-medium text-slate-800">Unique identifier field for users</dt>
          <dd>
            <C>userName</C>
          </dd>
          <dt className="font-medium text-slate-800">Supported provisioning actions</dt>
          <dd>
            <Ui>Import New Users and Profile Updates</Ui>, <Ui>Push New Users</Ui>, <Ui>Push Profile Updates</Ui>, <Ui>Push Groups</Ui>
          </dd>
          <dt className="font-medium text-slate-800">Authentication Mode</dt>
          <dd>
            <Ui>HTTP Header</Ui>, and paste the token into <Ui>Authorization</Ui> (Bearer)
          </dd>
        </dl>
        <p>
          Click <Ui>Test Connector Configuration</Ui> — each action should be ticked — then <Ui>Save</Ui>.
        </p>
      </Step>
      <Step n={4} title="Turn on what Okta may do in Muster">
        <p>
          On <Ui>Provisioning → To App</Ui>, click <Ui>Edit</Ui> and enable <Ui>Create Users</Ui>, <Ui>Update User Attributes</Ui> and <Ui>Deactivate Users</Ui>, then{" "}
          <Ui>Save</Ui>. Okta never deletes users: unassigning someone deactivates them, and Muster archives the employee with their history.
        </p>
      </Step>
      <Step n={5} title="Add department, location and manager to the app profile">
        <p>
          Go to <Ui>Directory → Profile Editor</Ui>, open the Muster app’s user profile and click <Ui>Add Attribute</Ui> for each attribute below that is not listed yet (data
          type <C>string</C>). The external namespace is always
        </p>
        <CopyLine value={ENTERPRISE} label="Copy namespace" />
        <Mapping
          caption="Okta profile attributes for Muster"
          head={["Display name / Variable name", "External name", "Map from (Okta user)"]}
          rows={[
            [
              <>
                Department / <C>department</C>
              </>,
              <C key="e">department</C>,
              <C key="m">user.department</C>,
            ],
            [
              <>
                Location / <C>location</C>
              </>,
              <C key="e">location</C>,
              <>
                <C>user.city</C> or your office attribute
              </>,
            ],
            [
              <>
                Manager value / <C>managerValue</C>
              </>,
              <C key="e">manager.value</C>,
              <>
                <C>user.managerId</C> — Okta fills it with the manager’s login or email; Muster finds the employee with that userName or email
              </>,
            ],
          ]}
        />
        <p>
          Then click <Ui>Mappings</Ui> in the Profile Editor, choose <Ui>Okta User to Muster</Ui>, map the attributes as in the last column and click <Ui>Save Mappings</Ui>.
          The defaults already send userName, name, email, title and phone numbers.
        </p>
      </Step>
      <Step n={6} title="Assign people and push groups">
        <p>
          On the <Ui>Assignments</Ui> tab, <Ui>Assign to People</Ui> or <Ui>Assign to Groups</Ui>; Okta creates them in Muster right away. To keep groups in Muster too, add
          them on the <Ui>Push Groups</Ui> tab.
        </p>
      </Step>
      <Step n={7} title="Send roles or groups (optional)">
        <p>Muster can give employees their role from Okta in two ways; use either or both.</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Ui>A roles attribute</Ui>: in the Muster app’s user profile (<Ui>Directory → Profile Editor</Ui>), <Ui>Add Attribute</Ui> with data type <C>string array</C>,
            variable and external name <C>roles</C>, external namespace <C>urn:ietf:params:scim:schemas:core:2.0:User</C>. Set it per assignment on the{" "}
            <Ui>Assignments</Ui> tab, or map it from an Okta user attribute. Each value is a Muster role’s name or key, e.g. <C>Sales Lead</C>.
          </li>
          <li>
            <Ui>Pushed groups</Ui>: push the groups that stand for roles (step 6), then add a group rule such as “members of <C>Sales</C> get Sales Lead”.
          </li>
        </ul>
        <p>
          Then turn on <Ui>Import users to custom roles</Ui> and add your group rules in <RolesSettingsLink tokensHref={tokensHref} />.
        </p>
      </Step>
    </Steps>
  </div>
);

export const GenericGuide = ({ tenantUrl, tokensHref }: GuideProps) => (
  <div className="space-y-6">
    <Steps>
      <Step n={1} title="Base URL and authentication">
        <p>Point your SCIM 2.0 client at</p>
        <CopyLine value={tenantUrl} label="Copy URL" />
        <p>
          and send <C>Authorization: Bearer &lt;token&gt;</C> with every request. <TokenStep tokensHref={tokensHref} /> Bodies may be <C>application/scim+json</C> or{" "}
          <C>application/json</C>.
        </p>
      </Step>
      <Step n={2} title="What Muster supports">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Ui>Users</Ui> and <Ui>Groups</Ui>: GET (list and by id), POST, PUT, PATCH, DELETE, and <C>/.search</C>.
          </li>
          <li>
            <Ui>Filters</Ui>: the full RFC 7644 grammar (<C>eq ne co sw ew gt ge lt le pr</C>, <C>and or not</C>) on <C>id</C>, <C>userName</C>, <C>externalId</C>,{" "}
            <C>emails</C>, <C>displayName</C>, <C>name.givenName</C>, <C>name.familyName</C>, <C>active</C>, <C>meta.created</C>, <C>meta.lastModified</C> for users and{" "}
            <C>displayName</C>, <C>externalId</C>, <C>members</C> for groups. Anything else is a <C>400 invalidFilter</C>.
          </li>
          <li>
            <Ui>PATCH</Ui> as in RFC 7644 (plus the Entra ID and Okta variants), validated as a whole and applied in one transaction.
          </li>
          <li>
            <Ui>Bulk</Ui> with <C>bulkId</C> references, up to 1,000 operations and 1 MiB.
          </li>
          <li>
            <Ui>ETags</Ui>: <C>meta.version</C>, <C>If-Match</C> (412 on a mismatch) and <C>If-None-Match</C> (304).
          </li>
          <li>
            Sorting, paging with <C>startIndex</C> and <C>count</C> (up to 1,000), <C>attributes</C>/<C>excludedAttributes</C>, and a per-token rate limit answered with{" "}
            <C>429</C> and <C>Retry-After</C>.
          </li>
          <li>
            The enterprise extension <C>{ENTERPRISE}</C> with <C>department</C>, <C>location</C> and <C>manager</C> (<C>manager.value</C> may be the manager’s Muster id,
            userName or email).
          </li>
        </ul>
      </Step>
      <Step n={3} title="Discovery endpoints">
        <p>Your client can read exactly what Muster supports from the discovery endpoints (they need the bearer token like every other request):</p>
        <div className="space-y-2">
          <CopyLine value={`${tenantUrl}/ServiceProviderConfig`} label="Copy URL" />
          <CopyLine value={`${tenantUrl}/ResourceTypes`} label="Copy URL" />
          <CopyLine value={`${tenantUrl}/Schemas`} label="Copy URL" />
        </div>
        <p>For example:</p>
        <CopyLine value={`curl -H "Authorization: Bearer $MUSTER_TOKEN" ${tenantUrl}/ServiceProviderConfig`} label="Copy command" />
      </Step>
    </Steps>
  </div>
);
