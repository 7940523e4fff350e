package io.github.kenshinbooking.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A cookie-keeping HTTP client that reads pages and submits their forms as a browser without JavaScript does. */
final class HttpBrowser {
    private final String base;
    private final HttpClient client;
    private HttpResponse<String> last;

    HttpBrowser(int port) {
        this.base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Document get(String pathOrUrl) throws IOException, InterruptedException {
        return page(client.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /**
     * Submits the form with its own fields (hidden ones, checked boxes, typed values) and the given ones, which
     * replace the form's of the same name; several checked boxes of one name are all sent.
     */
    Document submit(Element form, Map<String, String> values) throws IOException, InterruptedException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (("radio".equals(type) || "checkbox".equals(type)) && !input.hasAttr("checked")) {
                continue;
            }
            if (!values.containsKey(input.attr("name"))) {
                fields.add(Map.entry(input.attr("name"), input.attr("value")));
            }
        }
        fields.addAll(values.entrySet());
        String action = form.attr("action");
        if ("get".equalsIgnoreCase(form.attr("method"))) {
            return get(action + "?" + encode(fields));
        }
        return send(action, encode(fields));
    }

    Document post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return send(path, encode(new ArrayList<>(fields.entrySet())));
    }

    private Document send(String path, String body) throws IOException, InterruptedException {
        return page(client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Submits a multipart form (a file upload) with its own fields, the given ones, and one file. */
    Document submitFile(Element form, Map<String, String> values, String fileField, String fileName, byte[] content)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]:not([type=file])")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.putAll(values);
        String boundary = "----kenshin" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return page(client.send(HttpRequest.newBuilder(uri(form.attr("action")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Fetches a file as it is, without parsing it as a page. */
    HttpResponse<byte[]> download(String pathOrUrl) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> last() {
        return last;
    }

    String path() {
        return last.uri().getPath();
    }

    private Document page(HttpResponse<String> response) {
        last = response;
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String encode(Map<String, String> fields) {
        return encode(new ArrayList<>(fields.entrySet()));
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
