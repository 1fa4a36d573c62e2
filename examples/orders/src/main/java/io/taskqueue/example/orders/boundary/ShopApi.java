package io.taskqueue.example.orders.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop's own REST application, at {@code /shop} beside taskqueue's {@code /api}, in the single
 * WAR and as the shop's module of an EAR alike. It finds its classes by scanning, as most
 * applications do: taskqueue's mappers and role check are not among them, and taskqueue's own
 * resources, which scanning finds too, answer 404 here.
 */
@ApplicationPath("shop")
@DeclareRoles("submitter")
public class ShopApi extends Application {}
