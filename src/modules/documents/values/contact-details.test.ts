import { describe, expect, it } from "vitest";
import { hostOf, readEmail, readPhone, readWebsite } from "./contact-details.ts";

describe("contact details", () => {
  it("reads email addresses, and nothing else as one", () => {
    expect(readEmail("azure.Interior24@example.com")).toBe("azure.Interior24@example.com");
    expect(readEmail("eMail:info@qualityhosting.de.")).toBe("info@qualityhosting.de");
    expect(readEmail("info@")).toBeNull();
    expect(readEmail("www.free.fr")).toBeNull();
  });

  it("reads web addresses with a scheme, www. or a known top-level domain, and their host", () => {
    expect(readWebsite("http://www.azure-interior.com")).toBe("http://www.azure-interior.com");
    expect(readWebsite("www.tabletcenter.nl")).toBe("www.tabletcenter.nl");
    expect(readWebsite("aws.amazon.com/contact-us/")).toBe("aws.amazon.com/contact-us/");
    expect(readWebsite("(www.tcpdf.org)")).toBe("www.tcpdf.org");
    expect(hostOf("aws.amazon.com/contact-us/")).toBe("aws.amazon.com");
    expect(hostOf("HTTP://www.Azure-Interior.com/x")).toBe("www.azure-interior.com");
  });

  it("does not take a legal form, a number or an email for a website", () => {
    expect(readWebsite("B.V.")).toBeNull();
    expect(readWebsite("3.441.812")).toBeNull();
    expect(readWebsite("N.T.,")).toBeNull();
    expect(readWebsite("info@qualityhosting.de")).toBeNull();
    expect(readWebsite("Pvt.Ltd")).toBeNull();
  });

  it("reads telephone numbers of 7 to 15 digits, not dates or short numbers", () => {
    expect(readPhone("+49 6051 916 44 10")).toBe("+49 6051 916 44 10");
    expect(readPhone("(870)-931-0505")).toBe("(870)-931-0505");
    expect(readPhone("01 71 17 61 67")).toBe("01 71 17 61 67");
    expect(readPhone("01.05.14")).toBeNull();
    expect(readPhone("32 44")).toBeNull();
    expect(readPhone("Tel 555")).toBeNull();
  });
});
